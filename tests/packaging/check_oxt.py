"""Checks the built .oxt without an office: every file the manifest, description.xml and the components
file name is in the archive (check_component.py checks the component library itself); CalcAddIns.xcu is
well-formed and matches the table; the committed function references (English and Indonesian) and the READMEs'
tables of functions are current.

usage: check_oxt.py OXT TABLE COMMITTED_REFERENCE GENERATED_REFERENCE README GENERATED_SUMMARY
                    COMMITTED_REFERENCE_ID GENERATED_REFERENCE_ID README_ID GENERATED_SUMMARY_ID
"""
import filecmp
import os
import re
import struct
import sys
import tomllib
import unittest
import xml.etree.ElementTree as ET
import zipfile

OXT, TABLE, COMMITTED_REFERENCE, GENERATED_REFERENCE, README, GENERATED_SUMMARY = sys.argv[1:7]
COMMITTED_REFERENCE_ID, GENERATED_REFERENCE_ID, README_ID, GENERATED_SUMMARY_ID = sys.argv[7:11]
OOR = "{http://openoffice.org/2001/registry}"
MANIFEST = "{http://openoffice.org/2001/manifest}"
DESCRIPTION = "{http://openoffice.org/extensions/description/2006}"
XLINK = "{http://www.w3.org/1999/xlink}"
COMPONENTS = "{http://openoffice.org/2010/uno-components}"


class Oxt(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.archive = zipfile.ZipFile(OXT)
        cls.names = set(cls.archive.namelist())

    def xml(self, name):
        self.assertIn(name, self.names)
        return ET.fromstring(self.archive.read(name))

    def test_manifest_entries_exist_with_the_right_media_types(self):
        entries = {e.get(f"{MANIFEST}full-path"): e.get(f"{MANIFEST}media-type")
                   for e in self.xml("META-INF/manifest.xml")}
        self.assertEqual(entries, {
            "kpi.rdb": "application/vnd.sun.star.uno-typelibrary;type=RDB",
            "kpi.components": "application/vnd.sun.star.uno-components;platform=Linux_x86_64",
            "CalcAddIns.xcu": "application/vnd.sun.star.configuration-data",
            "Addons.xcu": "application/vnd.sun.star.configuration-data",
            "ProtocolHandler.xcu": "application/vnd.sun.star.configuration-data",
            "Jobs.xcu": "application/vnd.sun.star.configuration-data",
            "Paths.xcu": "application/vnd.sun.star.configuration-data",
        })
        for path in entries:
            self.assertIn(path, self.names)

    def test_description_names_files_that_exist(self):
        root = self.xml("description.xml")
        self.assertEqual(root.find(f"{DESCRIPTION}identifier").get("value"), "org.kpifunctions.calc")
        self.assertRegex(root.find(f"{DESCRIPTION}version").get("value"), r"^\d+\.\d+\.\d+$")
        names = {n.get("lang"): n.text for n in root.find(f"{DESCRIPTION}display-name")}
        self.assertEqual(names, {"en": "KPI Functions", "id": "KPI Functions"})
        links = [e.get(f"{XLINK}href") for e in root.iter() if e.get(f"{XLINK}href")]
        local = [link for link in links if not link.startswith("http")]
        self.assertGreaterEqual(len(local), 4)  # icon, two descriptions, licence
        for link in local:
            self.assertIn(link, self.names)
        langs = {s.get("lang") for s in root.find(f"{DESCRIPTION}extension-description")}
        self.assertEqual(langs, {"en", "id"})

    def test_licence_lines_fit_the_extension_managers_licence_dialog(self):
        """The licence dialog of unopkg and the Extension Manager does not wrap: a line over 70 characters is
        clipped. The words are those of the repository's LICENSE."""
        licence = self.archive.read("registration/LICENSE.txt").decode("utf-8")
        long_lines = [(number, line) for number, line in enumerate(licence.splitlines(), 1) if len(line) > 70]
        self.assertEqual(long_lines, [], "rewrap oxt-packaging/LICENSE.txt at 70 characters")
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "LICENSE"),
                  encoding="utf-8") as f:
            self.assertEqual(licence.split(), f.read().split())

    def test_component_library_is_where_the_components_file_says(self):
        root = self.xml("kpi.components")
        component = root.find(f"{COMPONENTS}component")
        self.assertIn(component.get("uri"), self.names)
        services = [s.get("name") for s in component.iter(f"{COMPONENTS}service")]
        self.assertEqual(services, ["KPI", "org.kpifunctions.SheetBuilder", "org.kpifunctions.ErrorExplainer",
                                    "org.kpifunctions.ContextMenu", "com.sun.star.frame.ProtocolHandler"])

    def test_xcu_registers_every_function_of_the_table(self):
        with open(TABLE, "rb") as f:
            table = tomllib.load(f)["function"]
        root = self.xml("CalcAddIns.xcu")
        service = root.find(f"node[@{OOR}name='AddInInfo']/node[@{OOR}name='KPI']")
        self.assertIsNotNone(service, "no AddInInfo/KPI node")
        methods = [n.get(f"{OOR}name") for n in service.find(f"node[@{OOR}name='AddInFunctions']")]
        self.assertEqual(methods, [f["method"] for f in table])

    def test_xcu_says_required_before_each_required_argument_in_both_languages(self):
        """The Function Wizard labels every argument "(optional)"; the description of a required one starts
        with "Required." / "Wajib diisi.", an optional one's is the table's own text ("Optional. ...")."""
        with open(TABLE, "rb") as f:
            table = tomllib.load(f)["function"]
        functions = self.xml("CalcAddIns.xcu").find(f"node/node[@{OOR}name='KPI']/node[@{OOR}name='AddInFunctions']")
        lang = "{http://www.w3.org/XML/1998/namespace}lang"
        required = 0
        for function in table:
            parameters = functions.find(f"node[@{OOR}name='{function['method']}']/node[@{OOR}name='Parameters']")
            for argument in function.get("argument", []):
                node = parameters.find(f"node[@{OOR}name='{argument['name']}']/prop[@{OOR}name='Description']")
                texts = {v.get(lang): v.text for v in node}
                with self.subTest(function=function["name"], argument=argument["name"]):
                    if argument.get("optional"):
                        self.assertEqual(texts, {"en-US": argument["en"], "id": argument["id"]})
                    else:
                        required += 1
                        self.assertEqual(texts, {"en-US": "Required. " + argument["en"],
                                                 "id": "Wajib diisi. " + argument["id"]})
        self.assertGreater(required, 90)


class Menu(unittest.TestCase):
    """The KPI menu's files: Addons.xcu, ProtocolHandler.xcu, their icons, the dialog and its strings."""

    DIALOG = "{http://openoffice.org/2000/dialog}"
    COMMAND = "org.kpifunctions.command:BuildSheet"

    @classmethod
    def setUpClass(cls):
        cls.archive = zipfile.ZipFile(OXT)
        cls.names = set(cls.archive.namelist())

    def strings(self, name):
        """A dialog strings file: key=value lines in ISO 8859-1, as LibreOffice reads them."""
        text = self.archive.read(f"dialogs/{name}")
        self.assertTrue(text.isascii(), f"{name}: write other characters as \\uXXXX")
        lines = [line for line in text.decode().splitlines() if line.strip() and line[0] not in "#!"]
        return dict(line.split("=", 1) for line in lines)

    def test_menu_entry_and_toolbar_button_run_the_command_in_calc_only(self):
        root = ET.fromstring(self.archive.read("Addons.xcu"))
        urls = [v.text for p in root.iter("prop") if p.get(f"{OOR}name") == "URL" for v in p.iter("value")]
        self.assertEqual(urls.count(self.COMMAND), 3)  # menu entry, toolbar button, its image
        contexts = {v.text for p in root.iter("prop") if p.get(f"{OOR}name") in ("Context", "MergeContext")
                    for v in p.iter("value")}
        self.assertEqual(contexts, {"com.sun.star.sheet.SpreadsheetDocument"})
        menu = root.find(f"node/node[@{OOR}name='OfficeMenuBarMerging']")
        entry = [n for n in menu.iter("node") if n.findtext(f"prop[@{OOR}name='URL']/value") == self.COMMAND]
        self.assertEqual(len(entry), 1)
        titles = {v.get("{http://www.w3.org/XML/1998/namespace}lang"): v.text
                  for v in entry[0].find(f"prop[@{OOR}name='Title']")}
        self.assertEqual(titles, {"en-US": "~Build KPI Sheet\u2026", "id": "~Buat Lembar KPI\u2026"})

    def test_icons_exist_with_the_sizes_libreoffice_wants(self):
        root = ET.fromstring(self.archive.read("Addons.xcu"))
        images = {p.get(f"{OOR}name"): p.find("value").text for p in root.iter("prop")
                  if p.get(f"{OOR}name", "").startswith("Image")}
        for prop, size in (("ImageSmallURL", 16), ("ImageBigURL", 26)):
            path = images[prop].replace("%origin%/", "")
            self.assertIn(path, self.names)
            png = self.archive.read(path)
            self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n", path)
            self.assertEqual(struct.unpack(">II", png[16:24]), (size, size), path)

    def test_protocol_handler_is_the_components_implementation(self):
        handler = ET.fromstring(self.archive.read("ProtocolHandler.xcu")).find(
            f"node[@{OOR}name='HandlerSet']/node")
        self.assertEqual(handler.find("prop/value").text, "org.kpifunctions.command:*")
        components = ET.fromstring(self.archive.read("kpi.components"))
        implementations = [i.get("name") for i in components.iter(f"{COMPONENTS}implementation")]
        self.assertIn(handler.get(f"{OOR}name"), implementations)

    def test_dialog_strings_exist_in_english_and_indonesian(self):
        for name in ("dialogs/BuildSheet.xdl", "dialogs/BuildSheet_en_US.properties",
                     "dialogs/BuildSheet_id.properties", "dialogs/BuildSheet_en_US.default"):
            self.assertIn(name, self.names)
        english, indonesian = self.strings("BuildSheet_en_US.properties"), self.strings("BuildSheet_id.properties")
        self.assertEqual(sorted(english), sorted(indonesian))
        dialog = ET.fromstring(self.archive.read("dialogs/BuildSheet.xdl"))
        used = [value[1:] for e in dialog.iter() for a, value in e.attrib.items()
                if a in (f"{self.DIALOG}value", f"{self.DIALOG}title") and value.startswith("&")]
        self.assertGreater(len(used), 20)
        for key in used:
            self.assertIn(key, english)

    def test_every_warning_of_the_builder_has_a_sentence_in_english_and_indonesian(self):
        # The codes as the core writes them: make_warning(t, column, "code", ...) and warning{..., "code", ...}
        sources = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "core", "src", "sheet")
        codes = set()
        for name in os.listdir(sources):
            with open(os.path.join(sources, name)) as f:
                text = f.read()
            for pair in re.findall(r'make_warning\([^"]*?"([a-z_]+)"(?:\s*:\s*"([a-z_]+)")?', text):
                codes.update(code for code in pair if code)  # a choice of two: money ? "a" : "b"
            codes.update(re.findall(r'warning\{[^"]*?"([a-z_]+)"', text))
        self.assertGreaterEqual(len(codes), 11, sorted(codes))  # as many as the core had when this was written
        for language in ("en_US", "id"):
            strings = self.strings(f"BuildSheet_{language}.properties")
            for code in sorted(codes):
                with self.subTest(language=language, code=code):
                    self.assertIn(f"warning.{code}", strings)

    def test_kind_list_is_not_used_then_the_kinds_in_the_cores_order(self):
        dialog = ET.fromstring(self.archive.read("dialogs/BuildSheet.xdl"))
        kinds = dialog.find(f".//*[@{self.DIALOG}id='KindList']")
        self.assertEqual([item.get(f"{self.DIALOG}value") for item in kinds.iter(f"{self.DIALOG}menuitem")],
                         ["&kind.none", "&kind.orders", "&kind.leads", "&kind.campaigns", "&kind.sessions",
                          "&kind.traffic", "&kind.survey", "&kind.targets"])


class Templates(unittest.TestCase):
    """The dashboard templates: Paths.xcu adds the .oxt's templates/ folder to the template paths, and each .ots
    there is a spreadsheet template whose document title (what the Template Manager shows) is its name."""

    @classmethod
    def setUpClass(cls):
        cls.archive = zipfile.ZipFile(OXT)

    def test_paths_xcu_adds_the_templates_folder_of_the_extension(self):
        root = ET.fromstring(self.archive.read("Paths.xcu"))
        self.assertEqual((root.get(f"{OOR}package"), root.get(f"{OOR}name")), ("org.openoffice.Office", "Paths"))
        paths = root.find(f"node[@{OOR}name='Paths']/node[@{OOR}name='Template']/node[@{OOR}name='InternalPaths']")
        self.assertEqual([n.get(f"{OOR}name") for n in paths], ["%origin%/templates"])

    def test_each_template_is_a_calc_template_titled_as_the_template_manager_lists_it(self):
        titles = {}
        for name in self.archive.namelist():
            if name.startswith("templates/") and name.endswith(".ots"):
                with zipfile.ZipFile(self.archive.open(name)) as template:
                    self.assertEqual(template.read("mimetype"),
                                     b"application/vnd.oasis.opendocument.spreadsheet-template", name)
                    meta = ET.fromstring(template.read("meta.xml"))
                    titles[name] = meta.find(".//{http://purl.org/dc/elements/1.1/}title").text
        self.assertEqual(titles, {"templates/KPI/kpi-dashboard.ots": "KPI Dashboard",
                                  "templates/KPI/dasbor-kpi.ots": "Dasbor KPI"})


class Reference(unittest.TestCase):
    def test_committed_reference_is_generated_from_the_current_table(self):
        self.assertTrue(filecmp.cmp(COMMITTED_REFERENCE, GENERATED_REFERENCE, shallow=False),
                        f"{COMMITTED_REFERENCE} is out of date: run ./kpi docs")


    def test_readme_lists_every_function_as_the_table_says(self):
        with open(README, encoding="utf-8") as f:
            readme = f.read()
        with open(GENERATED_SUMMARY, encoding="utf-8") as f:
            generated = f.read()
        self.assertIn(generated, readme, "README.md's table of functions is out of date: run ./kpi docs")

    def test_committed_indonesian_reference_is_generated_from_the_current_table(self):
        self.assertTrue(filecmp.cmp(COMMITTED_REFERENCE_ID, GENERATED_REFERENCE_ID, shallow=False),
                        f"{COMMITTED_REFERENCE_ID} is out of date: run ./kpi docs")

    def test_indonesian_readme_lists_every_function_as_the_table_says(self):
        with open(README_ID, encoding="utf-8") as f:
            readme = f.read()
        with open(GENERATED_SUMMARY_ID, encoding="utf-8") as f:
            generated = f.read()
        self.assertIn(generated, readme, "README.id.md's table of functions is out of date: run ./kpi docs")

    def test_the_readmes_link_each_other_at_the_top(self):
        with open(README, encoding="utf-8") as f:
            self.assertIn("[Bahasa Indonesia](README.id.md)", f.read().split("\n## ", 1)[0])
        with open(README_ID, encoding="utf-8") as f:
            self.assertIn("[English](README.md)", f.read().split("\n## ", 1)[0])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
