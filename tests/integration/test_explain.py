"""Explain Error in a real LibreOffice: the service org.kpifunctions.ErrorExplainer (idl/XErrorExplainer.idl,
addin/error_explainer.cxx) on cells with each documented error of different functions, given as constants,
references and nested expressions, and on a cell of an array formula; the command Data > KPI > Explain Error
(addin/menu_command.cxx) and its entries in the menu and the cells' context menu (oxt-packaging/Addons.xcu,
Jobs.xcu, addin/context_menu.cxx).

The command headless through its test hook (the dispatch argument Unattended=true: no message box, the
dispatch result is the text the box would show), and under Xvfb (RealCalc, as tests/integration/test_menu.py
does, with $KPI_GUI_SOFFICE): Data > KPI > Explain Error and the cell's context menu chosen with the keyboard,
and the message box's text read through accessibility.

The reasons are the core's (kpi::explain over the error the core reported, core/src/messages.cpp), whose exact
texts tests/unit/messages_test.cpp checks: here the tests check what every wording keeps (the function, the
argument, the value that failed, Calc's error as a cell of that language shows it: Err:502 or Galat:502) and
that the Indonesian text differs from the English one. A cell without a KPI error explains as "". Explaining
changes nothing: the cell's formula and value, the document's undo stack and its modified flag stay as they were.
"""
import json
import os
import shutil
import time
import unittest

from kpitest import DIV0, ERR502, NA, NUM, VALUE, OXT, OfficeTestCase, main
from office import Office, props
from test_menu import configuration, indonesian_office, parse_url

from com.sun.star.beans import NamedValue  # noqa: E402  (after office: it sets up the path)
from com.sun.star.lang import IllegalArgumentException  # noqa: E402

SERVICE = "org.kpifunctions.ErrorExplainer"
COMMAND = "org.kpifunctions.command:ExplainError"
EXTENSION = "org.kpifunctions.calc"
ERR504 = 504


def run_command(office, doc, address):
    """Selects the cell and runs Explain Error through its test hook (Unattended: no message box); returns
    the outcome, {"finding", "text"}."""
    doc.CurrentController.select(doc.CurrentController.ActiveSheet.getCellRangeByName(address))
    helper = office.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
    event = helper.executeDispatch(doc.CurrentController.Frame, COMMAND, "", 0, props(Unattended=True))
    return json.loads(event.Result)


class Explainer(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ctx = cls.office.ctx
        cls.explainer = ctx.ServiceManager.createInstanceWithContext(SERVICE, ctx)

    def explain(self, address, language="en"):
        return self.explainer.explain(self.sheet.cell(address), language)

    def both(self, address):
        """The English and the Indonesian reason, each checked to leave the document as it was."""
        cell = self.sheet.cell(address)
        before = (cell.getFormula(), cell.getError(), self.sheet.doc.isModified(), self.undo_titles())
        texts = self.explain(address, "en"), self.explain(address, "id")
        after = (cell.getFormula(), cell.getError(), self.sheet.doc.isModified(), self.undo_titles())
        self.assertEqual(after, before, f"explaining {address} changed the document")
        return texts

    def undo_titles(self):
        undo = self.sheet.doc.UndoManager
        return undo.getAllUndoActionTitles(), undo.getAllRedoActionTitles()

    def assertReason(self, address, code, function, *words):
        """The cell shows `code`; both reasons name `function` and each of `words` (an argument's name, the
        value that failed) where the core's message has them, and the Indonesian one differs."""
        self.assertEqual(self.sheet.error(address), code, f"{address}: {self.sheet.get_formula(address)}")
        en, id_ = self.both(address)
        for language, text in (("en", en), ("id", id_)):
            self.assertIn(function, text, f"{language} reason of {address}: {text!r}")
        for word in words:
            self.assertIn(word, en, f"en reason of {address}: {en!r}")
        self.assertNotEqual(en, id_, f"{address}: the Indonesian reason is the English one")
        return en, id_

    # ---- each documented error, from different functions ----

    def test_division_by_zero_names_the_argument(self):
        self.compute(A1="=KPI.CONVERSION(5;0)")
        self.assertReason("A1", DIV0, "KPI.CONVERSION", "leads")

    def test_invalid_argument_names_the_argument_and_the_value(self):
        self.compute(A1="=KPI.ROI(150;-5)")
        self.assertReason("A1", ERR502, "KPI.ROI", "cost", "-5")

    def test_no_result_names_the_argument_and_the_value(self):
        self.compute(A1="=KPI.PAYBACK(100;-5)")
        self.assertReason("A1", NUM, "KPI.PAYBACK", "margin_per_period", "-5")

    def test_text_argument_is_wrong_type(self):
        self.compute(A1='=KPI.CTR("many";100)')
        self.assertReason("A1", VALUE, "KPI.CTR", "clicks")

    def test_cohort_cell_past_the_data_is_not_available(self):
        # functions.toml's example: the February cohort's month 1 is after the last date, #N/A
        self.sheet.fill("A1", [["a", 46023], ["b", 46054], ["a", 46054]])
        self.sheet.array_formula("D1:G2", '=KPI.COHORT(A1:A3;B1:B3;"month")')
        self.sheet.recalculate()
        self.assertEqual(self.sheet.error("F2"), 0)
        self.assertReason("G2", NA, "KPI.COHORT")

    def test_cell_of_an_array_range_larger_than_the_result(self):
        self.sheet.fill("A1", [["a", 46023], ["b", 46054], ["a", 46054]])
        self.sheet.array_formula("D1:H3", '=KPI.COHORT(A1:A3;B1:B3;"month")')
        self.sheet.recalculate()
        en, id_ = self.assertReason("H3", NA, "KPI.COHORT")
        self.assertNotEqual(en, id_)
        self.assertNotEqual(en, self.explain("G2", "en"))

    # ---- how the arguments are given ----

    def test_references_give_the_same_reason_as_constants(self):
        self.sheet.fill("B1", [[150, -5]])
        self.compute(A1="=KPI.ROI(B1;C1)", A2="=KPI.ROI(150;-5)")
        self.assertEqual(self.assertReason("A1", ERR502, "KPI.ROI", "cost", "-5"), self.both("A2"))

    def test_nested_expression_is_computed(self):
        self.compute(A1="=KPI.ROI(100+50;2*-2.5)")
        self.assertReason("A1", ERR502, "KPI.ROI", "cost", "-5")

    def test_inner_kpi_call_is_the_failing_one(self):
        # KPI.CONVERSION(5;0) is #DIV/0!, which Calc passes on without calling KPI.ROI
        self.compute(A1="=KPI.ROI(KPI.CONVERSION(5;0);1)")
        en, _ = self.assertReason("A1", DIV0, "KPI.CONVERSION", "leads")
        self.assertNotIn("KPI.ROI", en)

    def test_outer_kpi_call_fails_on_the_inner_ones_value(self):
        # the inner call gives 0.01, the outer call fails on it as its cost
        self.compute(A1="=KPI.ROI(150;KPI.CONVERSION(1;100)-1)")
        self.assertReason("A1", ERR502, "KPI.ROI", "cost", "-0.99")

    def test_error_swallowed_by_iferror_is_not_the_reason(self):
        self.compute(A1="=IFERROR(KPI.CONVERSION(5;0);0)+KPI.ROI(150;-5)")
        en, _ = self.assertReason("A1", ERR502, "KPI.ROI", "cost", "-5")
        self.assertNotIn("KPI.CONVERSION", en)

    def test_array_formula_cell(self):
        self.sheet.array_formula("A1:B1", "=KPI.CONVERSION.CI(5;0)")
        self.sheet.recalculate()
        for address in ("A1", "B1"):
            self.assertReason(address, DIV0, "KPI.CONVERSION.CI", "leads")

    def test_dependent_cells_do_not_lend_their_reason(self):
        # A2 depends on A1 and fails on its own in a KPI call: computed again with A1, it must not be A1's reason
        self.compute(A1="=KPI.ROI(150;-5)", A2="=IFERROR(A1;0)+KPI.ROI(1;-7)", A3="=KPI.ROI(A1;1)")
        self.assertEqual(self.sheet.error("A2"), ERR502)
        en, _ = self.assertReason("A1", ERR502, "KPI.ROI", "cost", "-5")
        self.assertNotIn("-7", en)
        self.assertIn("-7", self.explain("A2"))

    # ---- an error that comes from an argument ----

    def test_argument_showing_an_error_is_named(self):
        self.compute(B1="=NA()", A1="=KPI.ROI(B1;100)")
        en, id_ = self.assertReason("A1", NA, "KPI.ROI", "gain", "B1", "#N/A")
        self.assertIn("B1", id_)
        self.assertIn("#N/A", id_)
        self.assertNotEqual(en, id_)

    def test_nested_expression_showing_an_error_is_named(self):
        self.compute(A1="=KPI.ROI(150;1/0)")
        self.assertReason("A1", DIV0, "KPI.ROI", "cost", "1/0", "#DIV/0!")

    def test_range_holding_an_error_cell_is_err504(self):
        self.compute(B1="10", B2="=1/0", B3="30", A1="=KPI.CONVERSION(B1:B3;100)")
        en, id_ = self.assertReason("A1", ERR504, "KPI.CONVERSION", "conversions", "B1:B3", "Err:504")
        # An Indonesian LibreOffice shows Err:504 as Galat:504, and the reason says it as the cell does.
        self.assertIn("Galat:504", id_)
        self.assertNotIn("Err:", id_)

    def test_argument_showing_an_error_code_is_named_as_each_language_shows_it(self):
        self.compute(B1="=SQRT(-1)", A1="=KPI.ROI(B1;100)")
        en, id_ = self.assertReason("A1", ERR502, "KPI.ROI", "gain", "B1", "Err:502")
        self.assertIn("Galat:502", id_)
        self.assertNotIn("Err:", id_)

    # ---- nothing to explain ----

    def test_cell_without_an_error_explains_as_empty(self):
        self.compute(A1="=KPI.ROI(150;100)", A2="=1+1")
        self.sheet.set("A3", 42)
        self.sheet.set("A4", "text")
        for address in ("A1", "A2", "A3", "A4", "A5"):
            self.assertEqual(self.both(address), ("", ""), address)

    def test_error_without_a_kpi_function_explains_as_empty(self):
        self.compute(A1="=1/0", A2="=NA()", A3="=SUM(B1:B3)+KPIX(1)")
        for address in ("A1", "A2", "A3"):
            self.assertNotEqual(self.sheet.error(address), 0, address)
            self.assertEqual(self.both(address), ("", ""), address)

    def test_error_outside_the_kpi_calls_says_so(self):
        self.compute(A1="=KPI.ROI(150;100)/0")
        en, id_ = self.both("A1")
        self.assertIn("#DIV/0!", en)
        self.assertIn("KPI.ROI", en)
        self.assertNotEqual(en, id_)

    # ---- the document stays as it was ----

    def test_document_is_unchanged(self):
        doc = self.sheet.doc
        self.sheet.fill("B1", [[150, -5]])
        self.compute(A1="=KPI.ROI(B1;C1)", A2="=A1*2")
        self.sheet.array_formula("D1:E1", "=KPI.CONVERSION.CI(5;0)")
        doc.UndoManager.clear()
        self.sheet.set("F1", 7)  # one undo step of the user's, then undone: a redo step
        self.sheet.set("F2", 8)
        doc.UndoManager.undo()
        for modified in (False, True):
            doc.setModified(modified)
            before = (self.undo_titles(), doc.isModified(), self.sheet.get_formula("A1"),
                      self.sheet.cell("D1:E1").getArrayFormula(), self.sheet.get_formula("A2"))
            for address in ("A1", "D1", "E1"):
                self.assertTrue(self.explain(address, "en"), address)
            self.assertEqual((self.undo_titles(), doc.isModified(), self.sheet.get_formula("A1"),
                              self.sheet.cell("D1:E1").getArrayFormula(), self.sheet.get_formula("A2")), before)
            self.assertEqual(self.sheet.error("A2"), ERR502)

    def test_protected_sheet_says_what_to_do(self):
        self.compute(A1="=KPI.ROI(150;-5)")
        self.sheet.sheet.protect("")
        self.addCleanup(self.sheet.sheet.unprotect, "")
        en, id_ = self.both("A1")
        self.assertIn("protected", en)
        self.assertIn("diproteksi", id_)
        self.sheet.sheet.unprotect("")
        self.assertIn("-5", self.explain("A1"))

    def test_bad_arguments_are_refused(self):
        self.compute(A1="=KPI.ROI(150;-5)")
        with self.assertRaises(IllegalArgumentException):
            self.explainer.explain(self.sheet.cell("A1"), "fr")
        with self.assertRaises(IllegalArgumentException):
            self.explainer.explain(self.sheet.cell("A1:A2"), "en")


class Command(OfficeTestCase):
    """Data > KPI > Explain Error on the selected cell, in an English office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.explainer = cls.office.ctx.ServiceManager.createInstanceWithContext(SERVICE, cls.office.ctx)

    def test_menu_entry_is_in_the_kpi_submenu_in_english_and_indonesian(self):
        for locale, title in (("en-US", "~Explain Error"), ("id", "~Jelaskan Galat")):
            with self.subTest(locale):
                merging = configuration(self.office, "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBarMerging",
                                        locale)
                items = merging.getByName(EXTENSION).getByName("DataMenu").MenuItems
                kpi = [items.getByName(n) for n in items.ElementNames if items.getByName(n).Title == "~KPI"][0]
                entries = {kpi.Submenu.getByName(n).URL: kpi.Submenu.getByName(n) for n in kpi.Submenu.ElementNames}
                self.assertEqual(entries[COMMAND].Title, title)
                self.assertEqual(entries[COMMAND].Context, "com.sun.star.sheet.SpreadsheetDocument")

    def test_handler_answers_for_the_command(self):
        frame = self.sheet.doc.CurrentController.Frame
        dispatch = frame.queryDispatch(parse_url(self.office, COMMAND), "", 0)
        self.assertIsNotNone(dispatch)
        self.assertEqual(dispatch.getImplementationName(), "org.kpifunctions.MenuCommand")

    def test_command_gives_the_services_english_reason_for_the_selected_cell(self):
        self.compute(A1="=KPI.ROI(150;-5)", B1="=NA()", A2="=KPI.ROI(B1;100)")
        for address in ("A1", "A2"):
            outcome = run_command(self.office, self.sheet.doc, address)
            self.assertEqual(outcome["finding"], "explained")
            self.assertEqual(outcome["text"], self.explainer.explain(self.sheet.cell(address), "en"))
            self.assertIn("KPI.ROI", outcome["text"])

    def test_command_says_when_there_is_nothing_to_explain(self):
        self.compute(A1="=KPI.ROI(150;100)", A2="=1/0")
        outcome = run_command(self.office, self.sheet.doc, "A1")
        self.assertEqual(outcome["finding"], "not_an_error")
        self.assertIn("A1", outcome["text"])
        self.assertIn("no error", outcome["text"])
        outcome = run_command(self.office, self.sheet.doc, "A2")
        self.assertEqual(outcome["finding"], "no_kpi_function")
        self.assertIn("#DIV/0!", outcome["text"])
        self.assertIn("no KPI function", outcome["text"])

    def test_a_selected_range_is_explained_by_its_first_cell(self):
        self.compute(A1="=KPI.CONVERSION(5;0)", A2="=1")
        outcome = run_command(self.office, self.sheet.doc, "A1:A2")
        self.assertEqual(outcome["text"], self.explainer.explain(self.sheet.cell("A1"), "en"))

    def test_context_menu_job_runs_on_every_new_view(self):
        jobs = configuration(self.office, "/org.openoffice.Office.Jobs")
        self.assertIn("org.kpifunctions.ContextMenu", jobs.Events.getByName("OnViewCreated").JobList.ElementNames)
        service = jobs.Jobs.getByName("org.kpifunctions.ContextMenu").Service
        job = self.office.ctx.ServiceManager.createInstanceWithContext(service, self.office.ctx)
        self.assertIsNotNone(job, f"the job's service {service} cannot be created")
        model = NamedValue("Model", self.sheet.doc)
        # registering on a view that has the entry already adds none (no error either)
        self.assertIsNone(job.execute((NamedValue("Environment", (NamedValue("EnvType", "DOCUMENTEVENT"),
                                                                  NamedValue("EventName", "OnViewCreated"),
                                                                  model)),)))


class IndonesianCommand(unittest.TestCase):
    """Explain Error in an office whose UI is Indonesian (needs the libreoffice-l10n-id language pack)."""

    @classmethod
    def setUpClass(cls):
        cls.office = indonesian_office(cls)

    def test_command_speaks_indonesian(self):
        sheet = self.office.new_sheet()
        self.addCleanup(sheet.close)
        sheet.formula("A1", "=KPI.ROI(B1;100)")
        sheet.formula("B1", "=NA()")
        sheet.formula("A2", "=KPI.ROI(150;100)")
        explainer = self.office.ctx.ServiceManager.createInstanceWithContext(SERVICE, self.office.ctx)
        outcome = run_command(self.office, sheet.doc, "A1")
        self.assertEqual(outcome["text"], explainer.explain(sheet.cell("A1"), "id"))
        self.assertIn("menampilkan #N/A", outcome["text"])
        outcome = run_command(self.office, sheet.doc, "A2")
        self.assertIn("tidak menampilkan galat", outcome["text"])


# ---------------------------------------------------------------------------------------------------------
from test_menu import GUI_TOOLS, Display, GuiOffice, accessible_tree, gui_soffice, walk  # noqa: E402


@unittest.skipUnless(all(shutil.which(t) for t in GUI_TOOLS), f"needs {', '.join(GUI_TOOLS)} (Xvfb GUI check)")
@unittest.skipUnless(gui_soffice(), "needs a LibreOffice with a GUI: set KPI_GUI_SOFFICE (test_menu.py)")
class RealCalc(unittest.TestCase):
    """Explain Error in a real Calc window under Xvfb, chosen from the menu and from the cell's context menu;
    the message box read through accessibility."""

    SCREENSHOTS = os.environ.get("KPI_SCREENSHOT_DIR", os.path.join(os.path.dirname(os.path.abspath(OXT)),
                                                                    "screenshots"))

    def open_calc(self, language):
        display = Display()
        self.addCleanup(display.close)
        office = GuiOffice(gui_soffice(), display, oxt=OXT, ui_locale=language)
        office.__enter__()
        self.addCleanup(office.close)
        update = office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", office.ctx).createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            props(nodepath="/org.openoffice.Office.Common/Misc"))
        update.ShowTipOfTheDay = False  # it would open over the document
        update.commitChanges()
        os.makedirs(self.SCREENSHOTS, exist_ok=True)
        before = set(display.windows("LibreOffice Calc"))
        doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())
        office.documents.append(doc)
        deadline = time.monotonic() + 30
        while not set(display.windows("LibreOffice Calc")) - before and time.monotonic() < deadline:
            time.sleep(0.25)
        windows = set(display.windows("LibreOffice Calc")) - before
        self.assertTrue(windows, "no Calc window")
        window = windows.pop()
        display.xdotool("windowsize", window, "1280", "880")
        display.xdotool("windowactivate", "--sync", window)
        time.sleep(1)
        return display, office, doc

    def message_box_text(self, display, office, title, shot):
        """Waits for the message box `title`, reads its texts, takes a screenshot, closes it."""
        self.assertTrue(display.wait_for_window(f"^{title}$"), f"no message box '{title}'")
        display.screenshot(os.path.join(self.SCREENSHOTS, shot))
        toolkit = office.ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)
        tree = accessible_tree(toolkit.getActiveTopWindow().getAccessibleContext(), depth=4)
        texts = [node[1] for node in walk(tree) if node[1]]
        display.keys("Return")
        self.assertTrue(display.wait_for_window(f"^{title}$", present=False), "the message box stayed open")
        return texts

    def explain_through_the_window(self, language, title):
        display, office, doc = self.open_calc(language)
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName("A1").setFormula("=KPI.ROI(150;-5)")
        sheet.getCellRangeByName("B1").setFormula("=NA()")
        sheet.getCellRangeByName("A2").setFormula("=KPI.ROI(B1;100)")
        explainer = office.ctx.ServiceManager.createInstanceWithContext(SERVICE, office.ctx)
        lang = "id" if language == "id" else "en"
        expected = {a: explainer.explain(sheet.getCellRangeByName(a), lang) for a in ("A1", "A2")}
        modified, undo = doc.isModified(), doc.UndoManager.getAllUndoActionTitles()

        doc.CurrentController.select(sheet.getCellRangeByName("A1"))
        display.keys("alt+d", "Up", "Right", "Down", "Return")  # Data > KPI (the last entry) > the second entry
        texts = self.message_box_text(display, office, title, f"explain-menu-{language}.png")
        self.assertIn(expected["A1"], texts, f"the message box shows {texts}")

        doc.CurrentController.select(sheet.getCellRangeByName("A2"))
        display.keys("shift+F10")  # the cell's context menu; Explain Error is its last entry
        display.screenshot(os.path.join(self.SCREENSHOTS, f"context-menu-{language}.png"))
        display.keys("Up", "Return")
        texts = self.message_box_text(display, office, title, f"explain-context-menu-{language}.png")
        self.assertIn(expected["A2"], texts, f"the message box shows {texts}")

        self.assertEqual((doc.isModified(), doc.UndoManager.getAllUndoActionTitles()), (modified, undo))
        self.assertEqual(sheet.getCellRangeByName("A1").getFormula(), "=KPI.ROI(150;-5)")
        return expected

    def test_english_menu_and_context_menu_show_the_reason(self):
        expected = self.explain_through_the_window("en-US", "Explain Error")
        self.assertIn("KPI.ROI", expected["A1"])

    def test_indonesian_menu_and_context_menu_show_the_reason(self):
        expected = self.explain_through_the_window("id", "Jelaskan Galat")
        self.assertIn("menampilkan #N/A", expected["A2"])


if __name__ == "__main__":
    main()
