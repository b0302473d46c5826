"""The dashboard templates the extension installs (oxt-packaging/templates/KPI, registered by Paths.xcu): after
installing the .oxt, LibreOffice's template service (com.sun.star.frame.DocumentTemplates, whose hierarchy
File > New > Templates shows) lists "KPI Dashboard" and "Dasbor KPI" in the category KPI; each opens as a new
untitled document, not as the .ots itself, and its KPI formulas compute without errors and equal Calc's own
formulas (the Checks sheet)."""
import unittest

import kpitest
from office import props

TEMPLATES = {"KPI Dashboard": ("Checks", "Sales"), "Dasbor KPI": ("Pemeriksaan", "Penjualan")}


class Templates(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = kpitest.shared_office()
        smgr, ctx = cls.office.ctx.ServiceManager, cls.office.ctx
        # what File > New > Templates reads: the template service's hierarchy, brought up to date with the paths
        smgr.createInstanceWithContext("com.sun.star.frame.DocumentTemplates", ctx).update()
        provider = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
        root = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                    props(nodepath="/org.openoffice.ucb.Hierarchy/Root"))
        cls.entries = []  # (category, title, target URL) of every template listed
        cls.walk(root, None)
        # the hierarchy keeps relocatable URLs ($(userdataurl)/...), made absolute as the template manager does
        cls.directories = ctx.getValueByName("/singletons/com.sun.star.util.theOfficeInstallationDirectories")

    @classmethod
    def walk(cls, node, category):
        for name in node.getElementNames():
            entry = node.getByName(name)
            children = entry.getByName("Children")
            if entry.getByName("TargetURL") and not children.getElementNames():
                cls.entries.append((category, entry.getByName("Title"), entry.getByName("TargetURL")))
            cls.walk(children, entry.getByName("Title"))

    def listed(self, title):
        found = [(category, url) for category, listed_title, url in self.entries if listed_title == title]
        self.assertEqual(len(found), 1, f"{title!r} listed {len(found)} times among {len(self.entries)} templates")
        return found[0]

    def test_both_templates_are_listed_under_their_titles_in_the_category_kpi(self):
        for title in TEMPLATES:
            with self.subTest(title=title):
                category, url = self.listed(title)
                self.assertEqual(category, "KPI")
                self.assertTrue(url.endswith(".ots") and "/templates/KPI/" in url, url)

    def test_a_template_opens_as_a_new_untitled_document_whose_kpis_compute(self):
        for title, (checks_name, first_section) in TEMPLATES.items():
            with self.subTest(title=title):
                url = self.directories.makeAbsoluteURL(self.listed(title)[1])
                doc = self.office.desktop.loadComponentFromURL(url, "_blank", 0, props(Hidden=True))
                self.assertIsNotNone(doc, url)
                self.office.documents.append(doc)
                try:
                    self.assertEqual(doc.getURL(), "", "the template itself was opened, not a new document")
                    self.assertFalse(doc.hasLocation())
                    self.assertEqual(doc.DocumentProperties.TemplateName, title)
                    doc.calculateAll()
                    checks = doc.Sheets.getByName(checks_name)
                    cursor = checks.createCursor()
                    cursor.gotoEndOfUsedArea(False)
                    rows = range(2, cursor.getRangeAddress().EndRow + 1)
                    self.assertGreaterEqual(len(rows), 30)
                    for row in rows:
                        label = checks.getCellByPosition(1, row).getString()
                        for column in (2, 3, 4):
                            self.assertEqual(checks.getCellByPosition(column, row).getError(), 0, label)
                        self.assertEqual(checks.getCellByPosition(4, row).getValue(), 1, label)
                    # the first KPI function of the first section computes in the new document
                    sales = doc.Sheets.getByName(first_section)
                    attainment = sales.getCellByPosition(1, 5)
                    self.assertIn("KPI.ATTAINMENT", attainment.getFormula())
                    self.assertEqual(attainment.getError(), 0)
                    self.assertGreater(attainment.getValue(), 0)
                finally:
                    self.office.documents.remove(doc)
                    doc.close(True)


if __name__ == "__main__":
    unittest.main()
