"""Explain Error in a real LibreOffice: the service org.kpifunctions.ErrorExplainer (idl/XErrorExplainer.idl,
addin/error_explainer.cxx) on cells with each documented error of different functions, given as constants,
references and nested expressions, and on a cell of an array formula.

The reasons are the core's (kpi::explain over the error the core reported, core/src/result.cpp), whose texts
the bilingual message table words: the tests check what every wording keeps (the function, the argument, the
value that failed) rather than the words, and that the Indonesian text differs from the English one once the
core has Indonesian texts. A cell without a KPI error explains as "". Explaining changes nothing: the cell's
formula and value, the document's undo stack and its modified flag stay as they were.
"""
import unittest

import kpitest
from kpitest import DIV0, ERR502, NA, NUM, VALUE, OfficeTestCase, main

SERVICE = "org.kpifunctions.ErrorExplainer"
ERR504 = 504


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
        value that failed) where the core's message has them, and the Indonesian one is Indonesian when the
        core speaks it."""
        self.assertEqual(self.sheet.error(address), code, f"{address}: {self.sheet.get_formula(address)}")
        en, id_ = self.both(address)
        for language, text in (("en", en), ("id", id_)):
            self.assertIn(function, text, f"{language} reason of {address}: {text!r}")
        for word in words:
            self.assertIn(word, en, f"en reason of {address}: {en!r}")
        if Explainer.core_is_bilingual():
            self.assertNotEqual(en, id_, f"{address}: the Indonesian reason is the English one")
        return en, id_

    _bilingual = None

    @classmethod
    def core_is_bilingual(cls):
        """Whether the core words its reasons in Indonesian (the bilingual message table, issue 9): then an
        Indonesian reason differs from the English one. Asked once, of KPI.ROI's negative cost."""
        if cls._bilingual is None:
            sheet = cls.office.new_sheet()
            try:
                sheet.formula("A1", "=KPI.ROI(150;-5)")
                cell = sheet.cell("A1")
                cls._bilingual = cls.explainer.explain(cell, "en") != cls.explainer.explain(cell, "id")
            finally:
                sheet.close()
        return cls._bilingual

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
        self.assertNotEqual(en, id_)

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

    def test_bad_arguments_are_refused(self):
        from com.sun.star.lang import IllegalArgumentException
        self.compute(A1="=KPI.ROI(150;-5)")
        with self.assertRaises(IllegalArgumentException):
            self.explainer.explain(self.sheet.cell("A1"), "fr")
        with self.assertRaises(IllegalArgumentException):
            self.explainer.explain(self.sheet.cell("A1:A2"), "en")


if __name__ == "__main__":
    main()
