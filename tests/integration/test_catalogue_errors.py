"""Every documented error (the `errors` field of each row of addin/functions.toml) of every aggregate KPI
function but KPI.CONVERSION, KPI.ROI and KPI.RETENTION (test_errors.py) shows in real Calc as the table says,
checked with ERROR.TYPE (and ERRORTYPE for Err:502, which ERROR.TYPE does not know). The array functions
KPI.CONVERSION.CI and KPI.FUNNEL show an error of the whole call in every cell of the array formula's area."""
from kpitest import DIV0, ERR502, ERROR_TYPE, NA, NUM, VALUE, OfficeTestCase, main

NOV_1, NOV_12, NOV_30 = "DATE(2026;11;1)", "DATE(2026;11;12)", "DATE(2026;11;30)"

# The ratios of two non-negative amounts (a number, a cell or a summed range each).
RATIOS = ("KPI.CTR", "KPI.CPC", "KPI.CPL", "KPI.CPA", "KPI.CAC", "KPI.ROAS", "KPI.AOV", "KPI.MARKETSHARE",
          "KPI.SOV", "KPI.ENGAGEMENTRATE", "KPI.BOUNCERATE", "KPI.PAGESPERSESSION", "KPI.ENGAGEMENT")
# Those of them whose numerator is a part of the denominator.
BOUNDED_RATIOS = ("KPI.CTR", "KPI.MARKETSHARE", "KPI.SOV", "KPI.ENGAGEMENTRATE", "KPI.BOUNCERATE")


class ErrorTestCase(OfficeTestCase):
    def assertEachCalcError(self, formulas, code):
        for formula in formulas:
            with self.subTest(formula):
                self.assertCalcError(formula, code)

    def assertArrayError(self, area, formula, code, cells=None):
        """The array formula over `area` shows `code` in every cell (or only in the cells numbered in
        `cells`, counted from 1 row by row); ERROR.TYPE or ERRORTYPE of each agrees."""
        self.sheet.array_formula(area, formula)
        address = self.sheet.cell(area).getRangeAddress()
        area_cells = [self.sheet.sheet.getCellByPosition(c, r)
                      for r in range(address.StartRow, address.EndRow + 1)
                      for c in range(address.StartColumn, address.EndColumn + 1)]
        wanted = range(1, len(area_cells) + 1) if cells is None else cells
        for number in wanted:
            name = area_cells[number - 1].AbsoluteName
            self.sheet.formula(f"V{number}", f"=ERRORTYPE({name})")
            self.sheet.formula(f"W{number}", f"=ERROR.TYPE({name})")
        self.sheet.recalculate()
        for number in wanted:
            what, error = f"cell {number} of {formula} over {area}", area_cells[number - 1].getError()
            self.assertEqual(error, code, f"{what}: error {error}, want {code}")
            self.assertEqual(self.sheet.value(f"V{number}"), code, f"ERRORTYPE of {what}")
            if code in ERROR_TYPE:
                self.assertEqual(self.sheet.value(f"W{number}"), ERROR_TYPE[code], f"ERROR.TYPE of {what}")

    def assertEachArrayError(self, area, formulas, code):
        for formula in formulas:
            with self.subTest(formula):
                self.assertArrayError(area, formula, code)


class DivisionByZero(ErrorTestCase):
    def test_zero_denominators_of_the_ratios(self):
        self.assertEachCalcError([f"={function}(0;0)" for function in RATIOS], DIV0)
        self.assertEachCalcError([f"={function}(5;0)" for function in RATIOS if function not in BOUNDED_RATIOS], DIV0)

    def test_an_empty_cell_or_range_as_denominator_is_0(self):
        self.assertEachCalcError(["=KPI.CPC(5;Z99)", "=KPI.CTR(0;Q1:Q9)", "=KPI.AOV(100;Q1:Q9)"], DIV0)

    def test_zero_denominators_of_the_other_pooled_kpis(self):
        self.assertEachCalcError(["=KPI.ATTAINMENT(5;0)", "=KPI.CHURN(0;5;5)", "=KPI.ROMI(100;0.5;0)",
                                  "=KPI.LIFETIME(0)", "=KPI.LTVCAC(1800;0)", "=KPI.GROWTH(5;0)",
                                  "=KPI.GROWTH(0;0)"], DIV0)

    def test_a_b_test_with_no_visitors_or_no_standard_error(self):
        self.assertEachCalcError(["=KPI.ABTEST(0;0;5;10)", "=KPI.ABTEST(5;10;0;0)",
                                  "=KPI.ABTEST(0;100;0;200)", "=KPI.ABTEST(100;100;50;50)"], DIV0)

    def test_uplift_with_no_visitors_or_no_conversions_in_a(self):
        self.assertEachCalcError(["=KPI.UPLIFT(0;0;5;10)", "=KPI.UPLIFT(5;10;0;0)", "=KPI.UPLIFT(0;100;5;100)"], DIV0)

    def test_endless_clv_when_1_plus_discount_rate_minus_retention_is_0(self):
        self.assertEachCalcError(["=KPI.CLV(10;1;0)", "=KPI.CLV(10;1;0;1)", "=KPI.CLV(10;1;0;2)",
                                  "=KPI.CLV(10;0.5;-0.5)"], DIV0)

    def test_no_scores(self):
        self.sheet.fill("A1", [[None], ["n/a"], [None], ["10"]])
        self.assertEachCalcError(["=KPI.NPS(A1:A4)", "=KPI.CSAT(A1:A4)", "=KPI.CSAT(A1:A4;;10)"], DIV0)

    def test_a_range_of_empty_cells_holds_no_scores(self):
        # Spec: in a range argument empty cells are skipped, and no scores at all is #DIV/0!.
        self.assertEachCalcError(["=KPI.NPS(A1:A2)", "=KPI.CSAT(A1:A2)"], DIV0)

    def test_a_single_empty_cell_reads_as_a_score_of_0(self):
        # A limitation of Calc's add-in interface (documented in the README): Calc passes one empty cell,
        # given alone, as the number 0, and the add-in cannot tell it from a typed 0. So =KPI.NPS(A1) with A1
        # empty reads one detractor (-100), and =KPI.CSAT(A1) a score of 0, outside 1...5 (Err:502).
        self.compute(X1="=KPI.NPS(A1)")
        self.assertEqual(self.sheet.value("X1"), -100)
        self.assertCalcError("=KPI.CSAT(A1)", ERR502)

    def test_trend_of_fewer_than_2_values(self):
        self.sheet.fill("A1", [[42], [None], ["n/a"]])
        self.assertEachCalcError(["=KPI.TREND({5})", "=KPI.TREND(5)", "=KPI.TREND(A1:A3)", "=KPI.TREND(A2:A3)"], DIV0)

    def test_trend_of_values_with_a_mean_of_0(self):
        self.assertEachCalcError(["=KPI.TREND({-1;1})", "=KPI.TREND({-3;0;3})", "=KPI.TREND({0;0;0})"], DIV0)

    def test_pace_against_a_target_of_0(self):
        self.assertCalcError(f"=KPI.PACE(100;0;{NOV_1};{NOV_30};{NOV_12})", DIV0)

    def test_required_when_no_day_remains_and_the_target_is_not_reached(self):
        self.assertEachCalcError([f"=KPI.REQUIRED(100;260000;{NOV_1};{NOV_30};{NOV_30})",
                                  f"=KPI.REQUIRED(0;1;{NOV_30};{NOV_30};{NOV_30}+0.5)"], DIV0)

    def test_conversion_interval_of_0_leads_in_both_cells(self):
        self.assertEachArrayError("A1:B1", ["=KPI.CONVERSION.CI(0;0)", "=KPI.CONVERSION.CI(0;0;0.9)"], DIV0)

    def test_funnel_without_numbers_in_every_cell(self):
        self.sheet.fill("A1", [[None], ["n/a"], [None]])
        self.assertArrayError("C1:C3", "=KPI.FUNNEL(A1:A3)", DIV0)

    def test_funnel_cell_whose_reference_stage_is_0(self):
        # Step: the third stage's reference (the second) is 0; the first two cells are 1 and 0.
        self.assertArrayError("A1:A3", "=KPI.FUNNEL({100|0|0})", DIV0, cells=[3])
        self.assertEqual([(self.sheet.error(a), self.sheet.value(a)) for a in ("A1", "A2")], [(0, 1.0), (0, 0.0)])
        # Overall: every stage's reference is the first, 0, and so is the first stage's own.
        self.assertArrayError("C1:C3", '=KPI.FUNNEL({0|0|0};"keseluruhan")', DIV0)


class InvalidArgument(ErrorTestCase):
    def test_negative_amounts_of_the_ratios(self):
        self.assertEachCalcError([f"={function}(-1;10)" for function in RATIOS] +
                                 [f"={function}(1;-10)" for function in RATIOS], ERR502)

    def test_a_part_larger_than_its_whole(self):
        self.assertEachCalcError([f"={function}(11;10)" for function in BOUNDED_RATIOS], ERR502)

    def test_a_summed_range_larger_than_its_whole(self):
        self.sheet.fill("A1", [[6, 10], [6, "x"]])
        self.assertEachCalcError([f"={function}(A1:A2;B1:B2)" for function in BOUNDED_RATIOS], ERR502)

    def test_negative_counts_in_an_experiment(self):
        formulas = []
        for function in ("KPI.ABTEST", "KPI.UPLIFT"):
            formulas += [f"={function}(-1;100;5;100)", f"={function}(5;-100;5;100)",
                         f"={function}(5;100;-1;100)", f"={function}(5;100;5;-100)"]
        self.assertEachCalcError(formulas, ERR502)

    def test_more_conversions_than_visitors_in_an_experiment(self):
        self.assertEachCalcError(["=KPI.ABTEST(101;100;5;100)", "=KPI.ABTEST(5;100;101;100)",
                                  "=KPI.UPLIFT(101;100;5;100)", "=KPI.UPLIFT(5;100;101;100)"], ERR502)

    def test_conversion_interval_outside_its_domain_in_both_cells(self):
        self.assertEachArrayError("A1:B1", ["=KPI.CONVERSION.CI(-1;10)", "=KPI.CONVERSION.CI(1;-10)",
                                            "=KPI.CONVERSION.CI(11;10)", "=KPI.CONVERSION.CI(5;10;0)",
                                            "=KPI.CONVERSION.CI(5;10;1)", "=KPI.CONVERSION.CI(5;10;1.5)",
                                            "=KPI.CONVERSION.CI(5;10;-0.2)"], ERR502)

    def test_funnel_outside_its_domain_in_every_cell(self):
        self.sheet.fill("A1", [[100], [None], [200]])
        self.assertEachArrayError("C1:C3", ["=KPI.FUNNEL({100|-5|0})", "=KPI.FUNNEL({100|40|50})",
                                            "=KPI.FUNNEL(A1:A3)", '=KPI.FUNNEL({100|40|10};"stage")',
                                            '=KPI.FUNNEL({100|40|10};1)'], ERR502)

    def test_churn_with_negative_counts_or_impossible_kept_customers(self):
        self.assertEachCalcError(["=KPI.CHURN(-1;10;0)", "=KPI.CHURN(10;-1;0)", "=KPI.CHURN(10;10;-1)",
                                  "=KPI.CHURN(100;50;60)", "=KPI.CHURN(100;200;50)"], ERR502)

    def test_romi_outside_its_domain(self):
        self.assertEachCalcError(["=KPI.ROMI(-1;0.5;100)", "=KPI.ROMI(100;0.5;-100)", "=KPI.ROMI(100;-0.1;100)",
                                  "=KPI.ROMI(100;1.1;100)"], ERR502)

    def test_clv_outside_its_domain(self):
        self.assertEachCalcError(["=KPI.CLV(10;-0.1;0.1)", "=KPI.CLV(10;1.1;0.1)",  # retention
                                  "=KPI.CLV(10;0.8;-1)", "=KPI.CLV(10;0.8;-1.5)",  # discount_rate
                                  "=KPI.CLV(10;0.8;0.1;3)", "=KPI.CLV(10;0.8;0.1;0.5)", "=KPI.CLV(10;0.8;0.1;-1)",
                                  "=KPI.CLV(10;0.8;0.1;0;0)", "=KPI.CLV(10;0.8;0.1;0;1.5)",  # periods
                                  "=KPI.CLV(10;0.8;0.1;1;-3)"], ERR502)

    def test_customer_value_ratios_outside_their_domain(self):
        self.assertEachCalcError(["=KPI.LIFETIME(-0.1)", "=KPI.LIFETIME(1.5)", "=KPI.LTVCAC(1800;-600)",
                                  "=KPI.PAYBACK(-600;75)"], ERR502)

    def test_scores_outside_the_scale(self):
        self.sheet.fill("A1", [[9], [11], [None], [3]])
        self.assertEachCalcError(["=KPI.NPS({10;11})", "=KPI.NPS({-1;5})", "=KPI.NPS({7.5;9})", "=KPI.NPS(A1:A4)",
                                  "=KPI.CSAT({0;4})", "=KPI.CSAT({6;4})", "=KPI.CSAT({4;11};;10)",
                                  "=KPI.CSAT({4;5.5})"], ERR502)

    def test_csat_threshold_or_scale_outside_their_range(self):
        self.assertEachCalcError(["=KPI.CSAT({4;5};0)", "=KPI.CSAT({4;5};6)", "=KPI.CSAT({4;5};11;10)",
                                  "=KPI.CSAT({1};1;0.5)", "=KPI.CSAT({1};;0)"], ERR502)

    def test_cagr_over_no_periods(self):
        self.assertEachCalcError(["=KPI.CAGR(100;120;0)", "=KPI.CAGR(100;120;-1)"], ERR502)

    def test_a_negative_target(self):
        self.assertEachCalcError(["=KPI.ATTAINMENT(90;-100)", f"=KPI.PACE(100;-1;{NOV_1};{NOV_30};{NOV_12})",
                                  f"=KPI.REQUIRED(100;-1;{NOV_1};{NOV_30};{NOV_12})"], ERR502)

    def test_period_end_before_its_start_or_as_of_outside_the_period(self):
        formulas = []
        for function in ("KPI.PACE", "KPI.REQUIRED"):
            formulas += [f"={function}(100;1000;{NOV_30};{NOV_1};{NOV_12})",
                         f"={function}(100;1000;{NOV_1};{NOV_30};DATE(2026;10;31))",
                         f"={function}(100;1000;{NOV_1};{NOV_30};DATE(2026;12;1))"]
        self.assertEachCalcError(formulas, ERR502)

    def test_status_with_a_negative_tolerance(self):
        self.assertEachCalcError(["=KPI.STATUS(97;100;-0.05)", "=KPI.STATUS(97;100;-1;FALSE())"], ERR502)


class NoRealResult(ErrorTestCase):
    def test_endless_clv_that_never_converges(self):
        self.assertEachCalcError(["=KPI.CLV(10;0.9;-0.2)", "=KPI.CLV(10;0.9;-0.2;1)", "=KPI.CLV(10;1;-0.01;2)"], NUM)

    def test_payback_that_never_pays_back(self):
        self.assertEachCalcError(["=KPI.PAYBACK(600;0)", "=KPI.PAYBACK(600;-75)", "=KPI.PAYBACK(0;0)"], NUM)

    def test_cagr_from_nothing_or_to_a_negative_value(self):
        self.assertEachCalcError(["=KPI.CAGR(0;120;3)", "=KPI.CAGR(-100;120;3)", "=KPI.CAGR(100;-1;3)"], NUM)


class WrongType(ErrorTestCase):
    # One formula per function with text where a number is required.
    TEXT_GIVEN_DIRECTLY = [f'={function}("a";10)' for function in RATIOS] + [
        '=KPI.ABTEST(5;100;"5";100)', '=KPI.UPLIFT(5;100;5;"100")', '=KPI.CHURN(100;"90";10)',
        '=KPI.ROMI(5000;"60%";1000)', '=KPI.CLV(10;"0.8";0.1)', '=KPI.CLV(10;0.8;0.1;"end")',
        '=KPI.LIFETIME("0.025")', '=KPI.LTVCAC(1800;"600")', '=KPI.PAYBACK("600";75)', '=KPI.NPS("9")',
        '=KPI.CSAT({4;5};"4")', '=KPI.CSAT({4;5};4;"five")', '=KPI.GROWTH("110";100)', '=KPI.CAGR(100;"x";3)',
        '=KPI.TREND("up")', '=KPI.ATTAINMENT(90;"100")',
        f'=KPI.PACE(100;1000;"2026-11-01";{NOV_30};{NOV_12})', f'=KPI.REQUIRED(100;1000;{NOV_1};{NOV_30};"today")',
        '=KPI.STATUS("97";100)', '=KPI.STATUS(97;100;"5%")', '=KPI.STATUS(97;100;0.05;"yes")']

    def test_text_given_directly(self):
        self.assertEachCalcError(self.TEXT_GIVEN_DIRECTLY, VALUE)

    def test_text_given_directly_to_an_array_function_in_every_cell(self):
        self.assertEachArrayError("A1:B1", ['=KPI.CONVERSION.CI("75";500)', '=KPI.CONVERSION.CI(75;500;"95%")'], VALUE)
        self.assertArrayError("A2:A4", '=KPI.FUNNEL("1000")', VALUE)

    def test_single_cell_holding_text(self):
        self.sheet.fill("A1", [["ten", "0.8"]])
        self.assertEachCalcError(["=KPI.CTR(A1;500)", "=KPI.CLV(10;B1;0.1)", "=KPI.CSAT({4;5};A1)",
                                  "=KPI.STATUS(97;100;;A1)"], VALUE)

    def test_missing_argument(self):
        self.assertEachCalcError(["=KPI.CTR(150)", "=KPI.CLV(10;0.8)", "=KPI.CLV(10;;0.1)", "=KPI.CAGR(100;120)",
                                  "=KPI.PACE(1;2;3;4)", "=KPI.STATUS(97)"], VALUE)


class ErrorsPassThrough(ErrorTestCase):
    def test_error_in_a_single_cell_argument_is_passed_on(self):
        self.sheet.formula("A1", "=NA()")
        self.sheet.formula("A2", "=1/0")
        self.assertEachCalcError(["=KPI.CTR(A1;100)", "=KPI.CLV(10;A1;0.1)", "=KPI.STATUS(97;100;A1)",
                                  "=KPI.NPS(A1)"], NA)
        self.assertEachCalcError(["=KPI.CAGR(100;A2;3)", "=KPI.PACE(A2;1;2;3;2)"], DIV0)


if __name__ == "__main__":
    main()
