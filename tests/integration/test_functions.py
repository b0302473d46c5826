"""KPI.CONVERSION, KPI.ROI and KPI.RETENTION in real Calc, each against the native formula for the same
inputs: the spec's public vectors, cells, ranges (summed as SUM does) and inline arrays."""
from kpitest import OfficeTestCase, main


class Conversion(OfficeTestCase):
    def test_public_vectors(self):
        # calculatorlib conversion rate calculator: 75 of 500 is 15 %, 96 of 1200 is 8 %.
        self.assertClose(self.assertSameAsNative("=KPI.CONVERSION(75;500)", "=75/500"), 0.15)
        self.assertClose(self.assertSameAsNative("=KPI.CONVERSION(96;1200)", "=96/1200"), 0.08)

    def test_cells(self):
        self.sheet.fill("A1", [[75, 500]])
        self.assertSameAsNative("=KPI.CONVERSION(A1;B1)", "=A1/B1")

    def test_ranges_are_summed_ignoring_text_and_empty_cells(self):
        self.sheet.fill("A1", [[10, 100], [5, "n/a"], [None, 50], ["text", 20]])
        self.assertSameAsNative("=KPI.CONVERSION(A1:A4;B1:B4)", "=SUM(A1:A4)/SUM(B1:B4)")

    def test_inline_arrays(self):
        self.assertSameAsNative("=KPI.CONVERSION({10;20;30};{100|200|300})", "=SUM({10;20;30})/SUM({100|200|300})")

    def test_lower_case_name_is_accepted_and_stored_in_capitals(self):
        self.compute(A1="=kpi.conversion(75;500)")
        self.assertClose(self.sheet.value("A1"), 0.15)
        self.assertEqual(self.sheet.get_formula("A1"), "=KPI.CONVERSION(75;500)")


class Roi(OfficeTestCase):
    def test_gain_and_loss(self):
        self.assertClose(self.assertSameAsNative("=KPI.ROI(150;100)", "=(150-100)/100"), 0.5)
        self.assertClose(self.assertSameAsNative("=KPI.ROI(40;100)", "=(40-100)/100"), -0.6)

    def test_lower_case_name(self):
        self.compute(A1="=kpi.roi(150;100)")
        self.assertEqual(self.sheet.value("A1"), 0.5)
        self.assertEqual(self.sheet.get_formula("A1"), "=KPI.ROI(150;100)")

    def test_cells(self):
        self.sheet.fill("A1", [[12345.67, 8910.11]])
        self.assertSameAsNative("=KPI.ROI(A1;B1)", "=(A1-B1)/B1")

    def test_ranges(self):
        self.sheet.fill("A1", [[1000.1, 300], [2000.2, 400.4], [0.3, "x"]])
        self.assertSameAsNative("=KPI.ROI(A1:A3;B1:B3)", "=(SUM(A1:A3)-SUM(B1:B3))/SUM(B1:B3)")

    def test_two_dimensional_range(self):
        self.sheet.fill("A1", [[1, 2], [3, 4]])
        self.sheet.fill("C1", [[1, 1], [1, 1]])
        self.assertSameAsNative("=KPI.ROI(A1:B2;C1:D2)", "=(SUM(A1:B2)-SUM(C1:D2))/SUM(C1:D2)")

    def test_empty_cell_is_zero_gain(self):
        self.assertClose(self.assertSameAsNative("=KPI.ROI(Z99;100)", "=(Z99-100)/100"), -1.0)

    def test_booleans_count_as_numbers(self):
        self.assertSameAsNative("=KPI.ROI(TRUE();2)", "=(1-2)/2")


class Retention(OfficeTestCase):
    def test_public_vector(self):
        # agilebrandguide.com, customer retention rate: S = 1000, N = 250, E = 1100 gives 85 %.
        self.assertClose(self.assertSameAsNative("=KPI.RETENTION(1000;1100;250)", "=(1100-250)/1000"), 0.85)

    def test_cells(self):
        self.sheet.fill("A1", [[480, 530, 120]])
        self.assertSameAsNative("=KPI.RETENTION(A1;B1;C1)", "=(B1-C1)/A1")

    def test_ranges_by_segment(self):
        # customers by segment: start, end, new
        self.sheet.fill("A1", [[300, 310, 40], [200, 150, 10], [100, 120, 30]])
        self.assertSameAsNative("=KPI.RETENTION(A1:A3;B1:B3;C1:C3)", "=(SUM(B1:B3)-SUM(C1:C3))/SUM(A1:A3)")

    def test_everyone_kept_and_everyone_lost(self):
        self.assertClose(self.assertSameAsNative("=KPI.RETENTION(100;100;0)", "=(100-0)/100"), 1.0)
        self.compute(A1="=KPI.RETENTION(100;30;30)")
        self.assertEqual(self.sheet.value("A1"), 0.0)
        self.assertEqual(self.sheet.error("A1"), 0)


if __name__ == "__main__":
    main()
