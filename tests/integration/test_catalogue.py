"""Every aggregate KPI function of the table but KPI.CONVERSION, KPI.ROI and KPI.RETENTION (test_functions.py)
in real Calc, each against the native Calc formula for the same inputs: the spec's public vectors (section 3) and
the table's examples, cells, ranges (summed for number arguments; one value per numeric cell for the range
arguments of NPS, CSAT, TREND and FUNNEL) and optional arguments left empty.

Native names in setFormula's API grammar: RRI is written ZGZ there (=RRI(...) is #NAME?); NORMSINV and
NORMSDIST keep their names."""
import math

from kpitest import OfficeTestCase, main


def call(function, *arguments):
    """The formula text =FUNCTION(a;b;...)."""
    return f"={function}({';'.join(str(a) for a in arguments)})"


def column(values):
    """Rows of one cell each, for sheet.fill: a column of values."""
    return [[v] for v in values]


def near_exact(actual, exact, ulps=4):
    """Whether a cell's value is within `ulps` units in the last place of an exact value, for results that
    Calc's own formulas cannot compute as exactly (their textbook forms lose the digits)."""
    return abs(actual - exact) <= ulps * math.ulp(exact)


class ArrayTestCase(OfficeTestCase):
    """A test of an array function: the result cells of an array formula against native formulas."""

    def array_cells(self, area):
        """The cells of `area` ("A1:B1"), row by row."""
        address = self.sheet.cell(area).getRangeAddress()
        return [self.sheet.sheet.getCellByPosition(c, r)
                for r in range(address.StartRow, address.EndRow + 1)
                for c in range(address.StartColumn, address.EndColumn + 1)]

    def assertArraySameAsNative(self, area, kpi_formula, natives):
        """The array formula over `area` shows in each cell what that cell's native formula (row by row)
        computes; a native formula of None means the cell stays empty."""
        self.sheet.array_formula(area, kpi_formula)
        for row, native in enumerate(natives, start=1):
            if native is not None:
                self.sheet.formula(f"W{row}", native)
        self.sheet.recalculate()
        cells = self.array_cells(area)
        self.assertEqual(len(cells), len(natives), f"{area} has {len(cells)} cells")
        values = []
        for index, (cell, native) in enumerate(zip(cells, natives), start=1):
            what = f"cell {index} of {kpi_formula} over {area}"
            self.assertEqual(cell.getError(), 0, f"{what} gave error {cell.getError()}")
            if native is None:
                self.assertEqual(cell.getString(), "", f"{what} should stay empty")
                values.append(None)
                continue
            self.assertEqual(self.sheet.error(f"W{index}"), 0, f"{native} gave error {self.sheet.error(f'W{index}')}")
            self.assertClose(cell.getValue(), self.sheet.value(f"W{index}"), f"{what} vs {native}")
            values.append(cell.getValue())
        return values


# ---- conversion and acquisition ----

def wilson(conversions, leads, confidence="0.95"):
    """Native formulas of the Wilson score interval's lower and upper bounds, clipped to 0...1."""
    p, n, z = f"({conversions}/{leads})", f"({leads})", f"NORMSINV(1-(1-{confidence})/2)"
    centre = f"({p}+{z}^2/(2*{n}))"
    half_width = f"({z}*SQRT({p}*(1-{p})/{n}+{z}^2/(4*{n}^2)))"
    scale = f"(1+{z}^2/{n})"
    return [f"=MAX(0;({centre}-{half_width})/{scale})", f"=MIN(1;({centre}+{half_width})/{scale})"]


class ConversionInterval(ArrayTestCase):
    def test_example_of_the_function_table(self):
        # functions.toml example: =KPI.CONVERSION.CI(75;500) gives {0.1214; 0.1840}.
        lower, upper = self.assertArraySameAsNative("A1:B1", "=KPI.CONVERSION.CI(75;500)", wilson(75, 500))
        self.assertEqual((round(lower, 4), round(upper, 4)), (0.1214, 0.1840))

    def test_other_confidence_levels(self):
        for confidence in ("0.9", "0.99", "0.5"):
            with self.subTest(confidence=confidence):
                self.assertArraySameAsNative("A1:B1", call("KPI.CONVERSION.CI", 96, 1200, confidence),
                                             wilson(96, 1200, confidence))

    def test_confidence_left_empty_is_95_percent(self):
        self.assertArraySameAsNative("A1:B1", "=KPI.CONVERSION.CI(75;500;)", wilson(75, 500, "0.95"))

    def test_cells(self):
        self.sheet.fill("A3", [[37, 410, 0.9]])
        self.assertArraySameAsNative("A1:B1", "=KPI.CONVERSION.CI(A3;B3;C3)", wilson("A3", "B3", "C3"))

    def test_ranges_are_summed(self):
        self.sheet.fill("A3", [[10, 100], [5, "n/a"], [None, 50], ["text", 20]])
        self.assertArraySameAsNative("A1:B1", "=KPI.CONVERSION.CI(A3:A6;B3:B6)",
                                     wilson("SUM(A3:A6)", "SUM(B3:B6)"))

    def test_every_lead_converted(self):
        self.assertArraySameAsNative("A1:B1", "=KPI.CONVERSION.CI(40;40)", wilson(40, 40))

    def test_bounds_of_exactly_0_and_1(self):
        # The Wilson interval of 0 conversions starts at exactly 0 and that of all leads converted ends at
        # exactly 1, however many leads; centre -/+ half width, as wilson() writes it, gave {2.27E-309;
        # 2.27E-309} for 0 of 1E308 at 50 %. The upper bound there is z^2 / (n + z^2) = 4.549364231195727E-309
        # and the lower bound of 10 of 10 is 0.7224672001371109 (mpmath at 60 digits).
        for formula, (lower, upper) in [("=KPI.CONVERSION.CI(0;1E308;0.5)", (0.0, 4.549364231195727e-309)),
                                         ("=KPI.CONVERSION.CI(0;1E9)", (0.0, 3.841458805937319e-09)),
                                         ("=KPI.CONVERSION.CI(10;10)", (0.7224672001371109, 1.0))]:
            with self.subTest(formula):
                self.sheet.array_formula("A1:B1", formula)
                self.sheet.recalculate()
                got = (self.sheet.value("A1"), self.sheet.value("B1"))
                self.assertEqual((self.sheet.error("A1"), self.sheet.error("B1")), (0, 0), formula)
                for value, exact in zip(got, (lower, upper)):
                    if exact in (0.0, 1.0):
                        self.assertEqual(value, exact, f"{formula}: {got}")
                    else:
                        self.assertTrue(near_exact(value, exact), f"{formula}: {got!r}, want {exact!r}")


def pooled_z(conversions_a, visitors_a, conversions_b, visitors_b):
    """Native formula of the pooled two-proportion z statistic."""
    p = f"(({conversions_a}+{conversions_b})/({visitors_a}+{visitors_b}))"
    return (f"(({conversions_b}/{visitors_b}-{conversions_a}/{visitors_a})"
            f"/SQRT({p}*(1-{p})*(1/{visitors_a}+1/{visitors_b})))")


class AbTest(OfficeTestCase):
    @staticmethod
    def p_value(*counts):
        return f"=2*(1-NORMSDIST(ABS({pooled_z(*counts)})))"

    @staticmethod
    def tail_p_value(*counts):
        # 1-NORMSDIST(|z|) cancels to 0 once the p-value is below ~1e-16; the lower tail at -|z| does not.
        return f"=2*NORMSDIST(-ABS({pooled_z(*counts)}))"

    def test_example_of_the_function_table(self):
        # functions.toml example: =KPI.ABTEST(200;1000;250;1000) gives 0.007420.
        p = self.assertSameAsNative("=KPI.ABTEST(200;1000;250;1000)", self.p_value(200, 1000, 250, 1000))
        self.assertEqual(round(p, 6), 0.007420)

    def test_b_worse_than_a_gives_the_same_two_sided_p_value(self):
        self.assertSameAsNative("=KPI.ABTEST(250;1000;200;1000)", self.p_value(250, 1000, 200, 1000))

    def test_no_difference_gives_1(self):
        self.assertClose(self.assertSameAsNative("=KPI.ABTEST(30;300;30;300)", self.p_value(30, 300, 30, 300)), 1.0)

    def test_unequal_groups(self):
        self.assertSameAsNative("=KPI.ABTEST(48;1021;61;987)", self.p_value(48, 1021, 61, 987))

    def test_a_tiny_p_value_in_the_far_tail(self):
        # z = 10: 2*(1-NORMSDIST(10)) is 0 in doubles, so the twin is the lower tail, 2*NORMSDIST(-10).
        self.assertSameAsNative("=KPI.ABTEST(100;10000;300;10000)", self.tail_p_value(100, 10000, 300, 10000))

    def test_cells(self):
        self.sheet.fill("A1", [[120, 2400, 151, 2380]])
        self.assertSameAsNative("=KPI.ABTEST(A1;B1;C1;D1)", self.p_value("A1", "B1", "C1", "D1"))

    def test_ranges_are_summed(self):
        self.sheet.fill("A1", [[60, 1200, 70, 1190], [60, 1200, 81, 1190], ["x", None, None, "y"]])
        self.assertSameAsNative("=KPI.ABTEST(A1:A3;B1:B3;C1:C3;D1:D3)",
                                self.p_value("SUM(A1:A3)", "SUM(B1:B3)", "SUM(C1:C3)", "SUM(D1:D3)"))


class Uplift(OfficeTestCase):
    def test_example_of_the_function_table(self):
        # functions.toml example: =KPI.UPLIFT(200;1000;250;1000) gives 0.25.
        self.assertClose(self.assertSameAsNative("=KPI.UPLIFT(200;1000;250;1000)", "=(250/1000)/(200/1000)-1"), 0.25)

    def test_a_worse_variant_b_is_negative(self):
        self.assertSameAsNative("=KPI.UPLIFT(61;987;48;1021)", "=(48/1021)/(61/987)-1")

    def test_b_without_conversions_is_minus_100_percent(self):
        self.assertClose(self.assertSameAsNative("=KPI.UPLIFT(5;100;0;100)", "=(0/100)/(5/100)-1"), -1.0)

    def test_cells(self):
        self.sheet.fill("A1", [[120, 2400, 151, 2380]])
        self.assertSameAsNative("=KPI.UPLIFT(A1;B1;C1;D1)", "=(C1/D1)/(A1/B1)-1")

    def test_ranges_are_summed(self):
        self.sheet.fill("A1", [[60, 1200, 70, 1190], [60, 1200, 81, 1190], ["x", None, None, "y"]])
        self.assertSameAsNative("=KPI.UPLIFT(A1:A3;B1:B3;C1:C3;D1:D3)",
                                "=(SUM(C1:C3)/SUM(D1:D3))/(SUM(A1:A3)/SUM(B1:B3))-1")

    def test_nearly_equal_rates_keep_their_digits(self):
        # Exactly -1/1,000,000,002,000,000,001 (Python's fractions); the ratio of the rounded rates minus 1,
        # as the formulas above write it, gives 0 in double arithmetic.
        self.compute(A1="=KPI.UPLIFT(1000000001;3000000000;1000000002;3000000003)")
        self.assertTrue(near_exact(self.sheet.value("A1"), -9.99999998e-19), self.sheet.value("A1"))


class Funnel(ArrayTestCase):
    # Stage counts in A1:A7 with an empty cell and a text cell inside, which stay empty in the result.
    STAGES = [1000, 400, None, 120, "n/a", 30, 30]
    STEP = ["=A1/A1", "=A2/A1", None, "=A4/A2", None, "=A6/A4", "=A7/A6"]
    OVERALL = ["=A1/A1", "=A2/A1", None, "=A4/A1", None, "=A6/A1", "=A7/A1"]

    def test_example_of_the_function_table(self):
        # functions.toml example: =KPI.FUNNEL({1000;400;100}) gives {1;0.4;0.25}, a row like its input.
        values = self.assertArraySameAsNative("A1:C1", "=KPI.FUNNEL({1000;400;100})",
                                              ["=1000/1000", "=400/1000", "=100/400"])
        self.assertEqual(values, [1.0, 0.4, 0.25])

    def test_step_mode_skips_empty_and_text_cells_and_keeps_them_empty(self):
        self.sheet.fill("A1", column(self.STAGES))
        self.assertArraySameAsNative("C1:C7", "=KPI.FUNNEL(A1:A7)", self.STEP)

    def test_overall_mode(self):
        self.sheet.fill("A1", column(self.STAGES))
        self.assertArraySameAsNative("C1:C7", '=KPI.FUNNEL(A1:A7;"overall")', self.OVERALL)

    def test_mode_words_in_indonesian_and_any_case(self):
        self.sheet.fill("A1", column(self.STAGES))
        for word, natives in (("tahap", self.STEP), ("keseluruhan", self.OVERALL), ("STEP", self.STEP),
                              ("Overall", self.OVERALL), ("TAHAP", self.STEP), ("KESELURUHAN", self.OVERALL)):
            with self.subTest(word):
                self.assertArraySameAsNative("C1:C7", f'=KPI.FUNNEL(A1:A7;"{word}")', natives)

    def test_mode_left_empty_or_from_a_cell(self):
        self.sheet.fill("A1", column(self.STAGES))
        self.sheet.set("B1", "keseluruhan")
        self.assertArraySameAsNative("C1:C7", "=KPI.FUNNEL(A1:A7;)", self.STEP)
        self.assertArraySameAsNative("D1:D7", "=KPI.FUNNEL(A1:A7;B1)", self.OVERALL)

    def test_a_row_range_gives_a_row(self):
        self.sheet.fill("A1", [[5000, 1250, None, 250]])
        self.assertArraySameAsNative("A2:D2", '=KPI.FUNNEL(A1:D1;"keseluruhan")', ["=A1/A1", "=B1/A1", None, "=D1/A1"])

    def test_a_stage_of_0_after_a_wider_stage(self):
        # A stage of 0 is a valid 0 % step; only the stage after it has a reference of 0 (test_catalogue_errors).
        self.sheet.fill("A1", column([800, 0]))
        self.assertArraySameAsNative("C1:C2", "=KPI.FUNNEL(A1:A2)", ["=A1/A1", "=A2/A1"])


# ---- two-argument ratios, each argument a number, a cell or a summed range ----

class RatioTests:
    """Tests shared by the pooled two-argument ratios; NATIVE maps each function to its native formula of
    {a} and {b}, EXAMPLES lists (formula arguments, expected result, source)."""

    NATIVE = {}
    EXAMPLES = ()

    def twin(self, function, a, b):
        return self.assertSameAsNative(call(function, a, b), "=" + self.NATIVE[function].format(a=a, b=b))

    def test_public_vectors_and_table_examples(self):
        for function, a, b, expected, source in self.EXAMPLES:
            with self.subTest(function, source=source):
                self.assertClose(self.twin(function, a, b), expected)

    def test_cells(self):
        self.sheet.fill("A1", [[693.25, 1810.5]])
        for function in self.NATIVE:
            with self.subTest(function):
                self.twin(function, "A1", "B1")

    def test_ranges_are_summed_ignoring_text_and_empty_cells(self):
        self.sheet.fill("A1", [[10, 100], [5.5, "n/a"], [None, 50.25], ["text", 20], [0.1, 0.3]])
        for function in self.NATIVE:
            with self.subTest(function):
                self.assertSameAsNative(call(function, "A1:A5", "B1:B5"),
                                        "=" + self.NATIVE[function].format(a="SUM(A1:A5)", b="SUM(B1:B5)"))

    def test_inline_arrays_are_summed(self):
        for function in self.NATIVE:
            with self.subTest(function):
                self.assertSameAsNative(call(function, "{10;20;30}", "{100|200|300}"),
                                        "=" + self.NATIVE[function].format(a="SUM({10;20;30})", b="SUM({100|200|300})"))

    def test_a_numerator_of_0(self):
        for function in self.NATIVE:
            with self.subTest(function):
                self.twin(function, 0, 250)


class AcquisitionRatios(RatioTests, OfficeTestCase):
    NATIVE = {"KPI.CTR": "{a}/{b}", "KPI.CPC": "{a}/{b}", "KPI.CPL": "{a}/{b}", "KPI.CPA": "{a}/{b}",
              "KPI.CAC": "{a}/{b}"}
    EXAMPLES = (("KPI.CTR", 150, 10000, 0.015, "functions.toml example"),
                ("KPI.CPC", 500000, 250, 2000, "functions.toml example"),
                ("KPI.CPL", 2000000, 80, 25000, "functions.toml example"),
                ("KPI.CPA", 3000000, 60, 50000, "functions.toml example"),
                ("KPI.CAC", 60000, 100, 600, "functions.toml example"))

    def test_costs_may_exceed_the_count(self):
        for function in ("KPI.CPC", "KPI.CPL", "KPI.CPA", "KPI.CAC"):
            with self.subTest(function):
                self.twin(function, 1234.5, 7)


class RevenueRatios(RatioTests, OfficeTestCase):
    NATIVE = {"KPI.ROAS": "{a}/{b}", "KPI.AOV": "{a}/{b}", "KPI.MARKETSHARE": "{a}/{b}", "KPI.SOV": "{a}/{b}"}
    EXAMPLES = (("KPI.ROAS", 5000, 1000, 5, "verticalrail.com: ROAS 5000/1000 = 5"),
                ("KPI.SOV", 5000000, 100000000, 0.05, "spec section 3: share of voice 5M of 100M = 5 %"),
                ("KPI.AOV", 12500000, 50, 250000, "functions.toml example"),
                ("KPI.MARKETSHARE", 2000, 10000, 0.2, "functions.toml example"))

    def test_the_whole_market_is_a_share_of_1(self):
        for function in ("KPI.MARKETSHARE", "KPI.SOV"):
            with self.subTest(function):
                self.assertEqual(self.twin(function, 777, 777), 1.0)


class WebsiteTrafficRatios(RatioTests, OfficeTestCase):
    NATIVE = {"KPI.ENGAGEMENTRATE": "{a}/{b}", "KPI.BOUNCERATE": "1-{a}/{b}", "KPI.PAGESPERSESSION": "{a}/{b}",
              "KPI.ENGAGEMENT": "{a}/{b}"}
    EXAMPLES = (("KPI.PAGESPERSESSION", 4525, 1810, 2.5, "functions.toml example"),
                ("KPI.ENGAGEMENT", 500, 10000, 0.05, "functions.toml example"))

    def test_ga4_public_vector(self):
        # bbccss.com: 693 engaged of 1,810 sessions is an engagement rate of 38.3 % and a bounce rate of 61.7 %.
        self.assertEqual(round(self.twin("KPI.ENGAGEMENTRATE", 693, 1810), 3), 0.383)
        self.assertEqual(round(self.twin("KPI.BOUNCERATE", 693, 1810), 3), 0.617)

    def test_engagement_and_bounce_add_up_to_1(self):
        self.compute(A1="=KPI.ENGAGEMENTRATE(693;1810)+KPI.BOUNCERATE(693;1810)")
        self.assertClose(self.sheet.value("A1"), 1.0)

    def test_more_interactions_than_audience_is_allowed(self):
        self.twin("KPI.ENGAGEMENT", 1500, 1000)


class Attainment(RatioTests, OfficeTestCase):
    NATIVE = {"KPI.ATTAINMENT": "{a}/{b}"}
    EXAMPLES = (("KPI.ATTAINMENT", 90000, 100000, 0.9, "functions.toml example"),)

    def test_overachievement_and_a_negative_actual(self):
        self.assertClose(self.twin("KPI.ATTAINMENT", 130, 100), 1.3)
        self.twin("KPI.ATTAINMENT", -20, 100)


# ---- customers, revenue and return ----

class Churn(OfficeTestCase):
    def test_public_vector(self):
        # agilebrandguide.com: S = 1000, N = 250, E = 1100 is a retention of 85 %, so a churn of 15 %.
        self.assertClose(self.assertSameAsNative("=KPI.CHURN(1000;1100;250)", "=1-(1100-250)/1000"), 0.15)

    def test_cells(self):
        self.sheet.fill("A1", [[480, 530, 120]])
        self.assertSameAsNative("=KPI.CHURN(A1;B1;C1)", "=1-(B1-C1)/A1")

    def test_ranges_by_segment(self):
        self.sheet.fill("A1", [[300, 310, 40], [200, 150, 10], [100, 120, 30], ["x", None, "y"]])
        self.assertSameAsNative("=KPI.CHURN(A1:A4;B1:B4;C1:C4)", "=1-(SUM(B1:B4)-SUM(C1:C4))/SUM(A1:A4)")

    def test_is_1_minus_retention(self):
        self.compute(A1="=KPI.CHURN(480;530;120)+KPI.RETENTION(480;530;120)")
        self.assertClose(self.sheet.value("A1"), 1.0)

    def test_everyone_kept_and_everyone_lost(self):
        self.assertEqual(self.assertSameAsNative("=KPI.CHURN(100;100;0)", "=1-(100-0)/100"), 0.0)
        self.assertEqual(self.assertSameAsNative("=KPI.CHURN(100;30;30)", "=1-(30-30)/100"), 1.0)

    def test_one_lost_of_a_billion_is_exactly_1e_9(self):
        # The share lost, (S - (E - N)) / S: 1E-9 to the last digit, where 1 - retention gives 9.9999997E-10.
        self.assertSameAsNative("=KPI.CHURN(1000000000;999999999;0)", "=(1000000000-999999999)/1000000000")
        self.assertEqual(self.sheet.value("X1"), 1e-9)
        self.assertSameAsNative("=KPI.BOUNCERATE(999999999;1000000000)", "=(1000000000-999999999)/1000000000")
        self.assertEqual(self.sheet.value("X1"), 1e-9)


class Romi(OfficeTestCase):
    def test_public_vector(self):
        # kameir.com, after Farris et al.: 50,000 incremental revenue at a 60 % margin on 10,000 spend is 2.0.
        self.assertClose(self.assertSameAsNative("=KPI.ROMI(50000;0.6;10000)", "=(50000*0.6-10000)/10000"), 2.0)

    def test_a_loss_is_negative(self):
        self.assertSameAsNative("=KPI.ROMI(12000;0.35;9000)", "=(12000*0.35-9000)/9000")

    def test_margins_of_0_and_1(self):
        self.assertClose(self.assertSameAsNative("=KPI.ROMI(5000;0;2500)", "=(5000*0-2500)/2500"), -1.0)
        self.assertClose(self.assertSameAsNative("=KPI.ROMI(5000;1;2500)", "=(5000*1-2500)/2500"), 1.0)

    def test_cells(self):
        self.sheet.fill("A1", [[48210.5, 0.42, 7300]])
        self.assertSameAsNative("=KPI.ROMI(A1;B1;C1)", "=(A1*B1-C1)/C1")


# ---- customer value ----

def clv_closed_form(margin, retention, discount, timing):
    numerator = {0: f"{margin}*{retention}", 1: f"{margin}*(1+{discount})", 2: f"{margin}"}[timing]
    return f"={numerator}/(1+{discount}-{retention})"


def clv_series(margin, retention, discount, timing, periods):
    """The truncated sum as a native SUMPRODUCT of the geometric series m * first * q^t, t = 0...T-1."""
    first = {0: f"{retention}/(1+{discount})", 1: "1", 2: f"1/(1+{discount})"}[timing]
    q = f"({retention}/(1+{discount}))"
    return f"={margin}*{first}*SUMPRODUCT({q}^(ROW($A$1:$A${periods})-1))"


class CustomerLifetimeValue(OfficeTestCase):
    def test_public_vector_first_margin_excluded(self):
        # Net-4-You textbook exercise: m = 18.95, r = 0.788, d = 0.01, m*r/(1+d-r) = 67.2639.
        clv = self.assertSameAsNative("=KPI.CLV(18.95;0.788;0.01)", clv_closed_form(18.95, 0.788, 0.01, 0))
        self.assertEqual(round(clv, 4), 67.2640)  # 67.263963...

    def test_public_vector_first_margin_included(self):
        # UVA Darden, Netflix example: m = 17.95, r = 0.995, d = 0.01, multiplier 67.33, CLV about 1,209.
        clv = self.assertSameAsNative("=KPI.CLV(17.95;0.995;0.01;1)", clv_closed_form(17.95, 0.995, 0.01, 1))
        self.assertEqual(round(clv / 17.95, 2), 67.33)
        self.assertEqual(round(clv), 1209)

    def test_the_three_timings(self):
        for timing in (0, 1, 2):
            with self.subTest(timing=timing):
                self.assertSameAsNative(call("KPI.CLV", 40, 0.8, 0.1, timing), clv_closed_form(40, 0.8, 0.1, timing))

    def test_timing_left_empty_is_0(self):
        self.assertSameAsNative("=KPI.CLV(40;0.8;0.1;)", clv_closed_form(40, 0.8, 0.1, 0))

    def test_retention_0_and_a_negative_discount_rate(self):
        self.assertEqual(self.assertSameAsNative("=KPI.CLV(40;0;0.1)", clv_closed_form(40, 0, 0.1, 0)), 0.0)
        self.assertSameAsNative("=KPI.CLV(40;0.5;-0.2;2)", clv_closed_form(40, 0.5, -0.2, 2))

    def test_truncated_sums_against_the_geometric_series(self):
        for timing in (0, 1, 2):
            for periods in (1, 2, 12, 60):
                with self.subTest(timing=timing, periods=periods):
                    self.assertSameAsNative(call("KPI.CLV", 18.95, 0.788, 0.01, timing, periods),
                                            clv_series(18.95, 0.788, 0.01, timing, periods))

    def test_truncated_sum_against_the_closed_form(self):
        # m * first * (1 - q^T) / (1 - q), q = r / (1 + d); first margin included, so first = 1.
        self.assertSameAsNative("=KPI.CLV(17.95;0.995;0.01;1;36)",
                                "=17.95*(1-(0.995/1.01)^36)/(1-0.995/1.01)")

    def test_timing_left_empty_with_periods(self):
        self.assertSameAsNative("=KPI.CLV(40;0.8;0.1;;5)", clv_series(40, 0.8, 0.1, 0, 5))

    def test_retention_near_1_and_a_tiny_discount_rate(self):
        # Exact values (Python's fractions on the inputs' binary values): 1 + d - r rounded once, where the
        # textbook m r / (1 + d - r) in double arithmetic gives #DIV/0! and 1073741823.
        self.compute(A1="=KPI.CLV(10;1;1E-20)", A2="=KPI.CLV(1;1-2^-30;1E-17)")
        self.assertEqual((self.sheet.error("A1"), self.sheet.value("A1")), (0, 1e21))
        self.assertTrue(near_exact(self.sheet.value("A2"), 1073741811.4707851), self.sheet.value("A2"))

    def test_a_truncated_sum_converges_even_when_the_endless_one_does_not(self):
        # 1 + d - r = 0 (no end: #DIV/0!) and < 0 (no end: #NUM!) are fine with a number of periods.
        self.assertSameAsNative("=KPI.CLV(10;1;0;0;24)", clv_series(10, 1, 0, 0, 24))
        self.assertSameAsNative("=KPI.CLV(10;0.9;-0.2;1;24)", clv_series(10, 0.9, -0.2, 1, 24))

    def test_cells(self):
        self.sheet.fill("A1", [[23.4, 0.91, 0.012, 2, 48]])
        self.assertSameAsNative("=KPI.CLV(A1;B1;C1;D1)", "=A1/(1+C1-B1)")
        self.assertSameAsNative("=KPI.CLV(A1;B1;C1;D1;E1)", clv_series("A1", "B1", "C1", 2, 48))


class CustomerValueRatios(OfficeTestCase):
    def test_lifetime_public_vector(self):
        # churnzero: a monthly churn of 2.5 % is an average lifetime of 40 months.
        self.assertClose(self.assertSameAsNative("=KPI.LIFETIME(0.025)", "=1/0.025"), 40.0)

    def test_lifetime_of_churn_1_is_one_period(self):
        self.assertEqual(self.assertSameAsNative("=KPI.LIFETIME(1)", "=1/1"), 1.0)

    def test_ltvcac_example_of_the_function_table(self):
        # functions.toml example: =KPI.LTVCAC(1800;600) gives 3.
        self.assertClose(self.assertSameAsNative("=KPI.LTVCAC(1800;600)", "=1800/600"), 3.0)

    def test_ltvcac_of_a_negative_clv(self):
        self.assertSameAsNative("=KPI.LTVCAC(-150;600)", "=-150/600")

    def test_payback_public_vectors(self):
        # Spec section 3: CAC payback 600/(100 x 0.75) = 8 and 1200/(100 x 0.8) = 15.
        self.assertClose(self.assertSameAsNative("=KPI.PAYBACK(600;100*0.75)", "=600/(100*0.75)"), 8.0)
        self.assertClose(self.assertSameAsNative("=KPI.PAYBACK(1200;100*0.8)", "=1200/(100*0.8)"), 15.0)

    def test_cells(self):
        self.sheet.fill("A1", [[0.031, 1843.2, 611.7, 82.5]])
        self.assertSameAsNative("=KPI.LIFETIME(A1)", "=1/A1")
        self.assertSameAsNative("=KPI.LTVCAC(B1;C1)", "=B1/C1")
        self.assertSameAsNative("=KPI.PAYBACK(C1;D1)", "=C1/D1")

    def test_chained_with_clv_and_cac(self):
        self.sheet.fill("A1", [[60000, 100, 23.4, 0.91, 0.012]])
        self.assertSameAsNative("=KPI.LTVCAC(KPI.CLV(C1;D1;E1);KPI.CAC(A1;B1))", "=(C1*D1/(1+E1-D1))/(A1/B1)")


# ---- satisfaction ----

def nps_native(scores):
    return f'=(COUNTIF({scores};">=9")-COUNTIF({scores};"<=6"))/COUNT({scores})*100'


def csat_native(scores, threshold=4):
    return f'=COUNTIF({scores};">="&{threshold})/COUNT({scores})'


class NetPromoterScore(OfficeTestCase):
    def test_public_vector_every_score_once(self):
        # Spec section 3: the scores 0...10 once each give -45.4545 (2 promoters, 7 detractors of 11).
        self.sheet.fill("A1", column(range(11)))
        nps = self.assertSameAsNative("=KPI.NPS(A1:A11)", nps_native("A1:A11"))
        self.assertClose(nps, -500 / 11)

    def test_public_vector_inline_array(self):
        # Spec section 3: {10, 9, 10, 4} gives 50.
        self.assertClose(self.assertSameAsNative("=KPI.NPS({10;9;10;4})", nps_native("{10;9;10;4}")), 50.0)

    def test_public_vector_unrounded(self):
        # Spec section 3: 100 promoters, 30 passives and 80 detractors give 9.5238, unrounded (2000/210).
        self.sheet.fill("A1", column([10] * 100 + [8] * 30 + [3] * 80))
        nps = self.assertSameAsNative("=KPI.NPS(A1:A210)", nps_native("A1:A210"))
        self.assertEqual(nps, 2000 / 210)

    def test_empty_and_text_cells_are_skipped(self):
        self.sheet.fill("A1", column([10, 9, None, "n/a", 4, "10", 10, 7]))
        self.assertClose(self.assertSameAsNative("=KPI.NPS(A1:A8)", nps_native("A1:A8")), 40.0)

    def test_a_two_dimensional_range(self):
        self.sheet.fill("A1", [[0, 7, 9], [10, 8, 6], [None, 3, "x"]])
        self.assertSameAsNative("=KPI.NPS(A1:C3)", nps_native("A1:C3"))

    def test_all_promoters_and_all_detractors(self):
        self.assertEqual(self.assertSameAsNative("=KPI.NPS({9;10;10})", nps_native("{9;10;10}")), 100.0)
        self.assertEqual(self.assertSameAsNative("=KPI.NPS({0|6|2})", nps_native("{0|6|2}")), -100.0)

    def test_a_single_score(self):
        self.assertEqual(self.assertSameAsNative("=KPI.NPS(9)", nps_native("{9}")), 100.0)


class CustomerSatisfaction(OfficeTestCase):
    def test_public_vector(self):
        # Spec section 3: 60 of 100 answers at 4-5 is a CSAT of 60 %.
        self.sheet.fill("A1", column([5] * 35 + [4] * 25 + [3] * 20 + [2] * 12 + [1] * 8))
        self.assertClose(self.assertSameAsNative("=KPI.CSAT(A1:A100)", csat_native("A1:A100")), 0.6)

    def test_example_of_the_function_table(self):
        # functions.toml example: =KPI.CSAT({5;4;3;5;2}) gives 0.6.
        self.assertClose(self.assertSameAsNative("=KPI.CSAT({5;4;3;5;2})", csat_native("{5;4;3;5;2}")), 0.6)

    def test_empty_and_text_cells_are_skipped(self):
        self.sheet.fill("A1", column([5, None, "great", 4, 2, "4", 1, 3]))
        self.assertSameAsNative("=KPI.CSAT(A1:A8)", csat_native("A1:A8"))

    def test_threshold_left_empty_on_a_10_point_scale(self):
        # =KPI.CSAT(A1:A9;;10): the default threshold 4 on a 1-10 scale.
        self.sheet.fill("A1", column([10, 9, 1, 3, 4, 7, 2, 8, 5]))
        self.assertSameAsNative("=KPI.CSAT(A1:A9;;10)", csat_native("A1:A9", 4))

    def test_threshold_and_scale(self):
        self.sheet.fill("A1", column([10, 9, 1, 3, 4, 7, 2, 8, 5]))
        self.sheet.fill("B1", [[8, 10]])
        self.assertSameAsNative("=KPI.CSAT(A1:A9;8;10)", csat_native("A1:A9", 8))
        self.assertSameAsNative("=KPI.CSAT(A1:A9;B1;C1)", csat_native("A1:A9", "B1"))

    def test_fractional_scores_inside_the_scale(self):
        self.sheet.fill("A1", column([4.5, 3.9, 4, 1.2]))
        self.assertSameAsNative("=KPI.CSAT(A1:A4)", csat_native("A1:A4"))

    def test_thresholds_at_both_ends_of_the_scale(self):
        self.assertEqual(self.assertSameAsNative("=KPI.CSAT({1;2;5};1)", csat_native("{1;2;5}", 1)), 1.0)
        self.assertClose(self.assertSameAsNative("=KPI.CSAT({1;2;5};5)", csat_native("{1;2;5}", 5)), 1 / 3)


# ---- trend and targets ----

class Growth(OfficeTestCase):
    def test_example_of_the_function_table(self):
        # functions.toml example: =KPI.GROWTH(110;100) gives 0.1.
        self.assertClose(self.assertSameAsNative("=KPI.GROWTH(110;100)", "=(110-100)/ABS(100)"), 0.1)

    def test_decline(self):
        self.assertSameAsNative("=KPI.GROWTH(87.5;112.25)", "=(87.5-112.25)/ABS(112.25)")

    def test_from_a_negative_previous_value_is_measured_against_its_size(self):
        # A loss of 100 that shrinks to a loss of 50 is +50 %.
        self.assertClose(self.assertSameAsNative("=KPI.GROWTH(-50;-100)", "=(-50-(-100))/ABS(-100)"), 0.5)

    def test_cells(self):
        self.sheet.fill("A1", [[23456.7, 19876.5]])
        self.assertSameAsNative("=KPI.GROWTH(A1;B1)", "=(A1-B1)/ABS(B1)")


class CompoundGrowth(OfficeTestCase):
    # Calc's RRI(periods; begin; end) is ZGZ in the API grammar of setFormula.
    def test_public_vector(self):
        # Microsoft's RRI documentation: 96 periods from 10000 to 11000 is 0.0009933 per period.
        cagr = self.assertSameAsNative("=KPI.CAGR(10000;11000;96)", "=ZGZ(96;10000;11000)")
        self.assertEqual(round(cagr, 7), 0.0009933)

    def test_decline_and_fractional_periods(self):
        self.assertSameAsNative("=KPI.CAGR(250000;180000;3.5)", "=ZGZ(3.5;250000;180000)")

    def test_an_end_value_of_0_is_minus_100_percent(self):
        self.assertEqual(self.assertSameAsNative("=KPI.CAGR(100;0;4)", "=ZGZ(4;100;0)"), -1.0)

    def test_cells(self):
        self.sheet.fill("A1", [[1.25e6, 3.4e6, 7]])
        self.assertSameAsNative("=KPI.CAGR(A1;B1;C1)", "=ZGZ(C1;A1;B1)")

    def test_a_rate_near_0_keeps_its_digits(self):
        # mpmath at 60 digits: (10000.000001 / 10000)^(1/12) - 1 of the doubles = 8.333336154082688E-12; the
        # ratio rounded before the root, as the textbook writes it, is off from the 7th digit.
        self.compute(A1="=KPI.CAGR(10000;10000.000001;12)", A2="=KPI.CAGR(1E-300;1E300;1000)")
        self.assertTrue(near_exact(self.sheet.value("A1"), 8.333336154082688e-12), self.sheet.value("A1"))
        self.assertTrue(near_exact(self.sheet.value("A2"), 2.9810717055349727), self.sheet.value("A2"))  # 10^0.6-1


class Trend(OfficeTestCase):
    def test_example_of_the_function_table(self):
        # functions.toml example: =KPI.TREND({100;110;120}) gives 0.0909 (a slope of 10 on a mean of 110).
        trend = self.assertSameAsNative("=KPI.TREND({100;110;120})",
                                        "=SLOPE({100;110;120};{1;2;3})/AVERAGE({100;110;120})")
        self.assertClose(trend, 10 / 110)

    def test_a_column_against_its_row_numbers(self):
        self.sheet.fill("A1", column([120.5, 131, 118.25, 140, 152.75, 149, 161.5]))
        self.assertSameAsNative("=KPI.TREND(A1:A7)", "=SLOPE(A1:A7;ROW(A1:A7)-ROW(A1)+1)/AVERAGE(A1:A7)")

    def test_a_falling_row(self):
        self.sheet.fill("A1", [[900, 870, 905, 780, 700]])
        self.assertSameAsNative("=KPI.TREND(A1:E1)", "=SLOPE(A1:E1;COLUMN(A1:E1))/AVERAGE(A1:E1)")

    def test_empty_and_text_cells_keep_their_periods(self):
        # A value's period is its row in the range: the empty and text cells are periods without a figure, and
        # SLOPE skips them with their row numbers.
        self.sheet.fill("A1", column([10, 9, None, "n/a", 4, "10", 10, 7]))
        self.assertSameAsNative("=KPI.TREND(A1:A8)", "=SLOPE(A1:A8;ROW(A1:A8))/AVERAGE(A1:A8)")

    def test_a_missing_month_keeps_the_later_months_in_place(self):
        # Months 1, 2, 4, 5 (March blank): 100, 110, 130, 140 rise by 10 a month around their mean of 120, so
        # the trend is 10/120 exactly; counting the four values as months 1...4 would give 14/120.
        self.sheet.fill("A1", column([100, 110, None, 130, 140]))
        self.compute(C1="=KPI.TREND(A1:A5)")
        self.assertClose(self.sheet.value("C1"), 10 / 120)
        self.assertSameAsNative("=KPI.TREND(A1:A5)", "=SLOPE(A1:A5;ROW(A1:A5))/AVERAGE(A1:A5)")

    def test_a_blank_first_cell_and_a_row_range(self):
        self.sheet.fill("A1", [[None, 900, 870, None, 780, 700]])
        self.assertSameAsNative("=KPI.TREND(A1:F1)", "=SLOPE(A1:F1;COLUMN(A1:F1))/AVERAGE(A1:F1)")

    def test_a_two_dimensional_range_is_read_row_by_row(self):
        # Two years of quarters, one row each: a cell's period is (row - 1) * 4 + column, A2 the 5th.
        self.sheet.fill("A1", [[100, 104, None, 111], [115, "n/a", 126, 130]])
        self.assertSameAsNative("=KPI.TREND(A1:D2)", "=SLOPE(A1:D2;(ROW(A1:D2)-1)*4+COLUMN(A1:D2))/AVERAGE(A1:D2)")

    def test_two_values_and_a_flat_series(self):
        self.assertClose(self.assertSameAsNative("=KPI.TREND({50;75})", "=SLOPE({50;75};{1;2})/AVERAGE({50;75})"), 0.4)
        self.assertEqual(self.assertSameAsNative("=KPI.TREND({8;8;8})", "=SLOPE({8;8;8};{1;2;3})/AVERAGE({8;8;8})"),
                         0.0)

    def test_a_negative_mean(self):
        self.assertSameAsNative("=KPI.TREND({-5;-3;-4;-1})", "=SLOPE({-5;-3;-4;-1};{1;2;3;4})/AVERAGE({-5;-3;-4;-1})")


NOV_1, NOV_12, NOV_30 = "DATE(2026;11;1)", "DATE(2026;11;12)", "DATE(2026;11;30)"


def pace_native(actual, target, start, end, as_of):
    elapsed, total = f"(INT({as_of})-INT({start})+1)", f"(INT({end})-INT({start})+1)"
    return f"=({actual}/{elapsed}*{total})/{target}"


def required_native(actual, target, end, as_of):
    return f"=IF({actual}>={target};0;({target}-{actual})/(INT({end})-INT({as_of})))"


class Pace(OfficeTestCase):
    def test_public_vector(self):
        # Spec section 3: 96,000 after 12 of 30 days with a goal of 260,000 projects 240,000: 92.3 %.
        pace = self.assertSameAsNative(call("KPI.PACE", 96000, 260000, NOV_1, NOV_30, NOV_12),
                                       pace_native(96000, 260000, NOV_1, NOV_30, NOV_12))
        self.assertClose(pace, 240000 / 260000)

    def test_first_and_last_day_are_counted(self):
        for as_of in (NOV_1, NOV_30):
            with self.subTest(as_of=as_of):
                self.assertSameAsNative(call("KPI.PACE", 5000, 150000, NOV_1, NOV_30, as_of),
                                        pace_native(5000, 150000, NOV_1, NOV_30, as_of))

    def test_a_one_day_period(self):
        self.assertClose(self.assertSameAsNative(call("KPI.PACE", 70, 100, NOV_12, NOV_12, NOV_12),
                                                 pace_native(70, 100, NOV_12, NOV_12, NOV_12)), 0.7)

    def test_the_time_of_day_is_ignored(self):
        self.assertSameAsNative(call("KPI.PACE", 96000, 260000, f"{NOV_1}+0.75", f"{NOV_30}+0.1", f"{NOV_12}+0.99"),
                                pace_native(96000, 260000, NOV_1, NOV_30, NOV_12))

    def test_cells_holding_dates(self):
        self.sheet.fill("A1", [[31250.5, 400000]])
        self.compute(C1="=DATE(2027;1;1)", D1="=DATE(2027;3;31)", E1="=DATE(2027;2;14)")
        self.assertSameAsNative("=KPI.PACE(A1;B1;C1;D1;E1)", pace_native("A1", "B1", "C1", "D1", "E1"))


class RequiredRunRate(OfficeTestCase):
    def test_example_of_the_function_table(self):
        # functions.toml example: 96,000 of 260,000 on day 12 of 30 needs 164,000 in 18 days: 9111.11 a day.
        required = self.assertSameAsNative(call("KPI.REQUIRED", 96000, 260000, NOV_1, NOV_30, NOV_12),
                                           required_native(96000, 260000, NOV_30, NOV_12))
        self.assertEqual(round(required, 2), 9111.11)

    def test_0_when_the_target_is_reached(self):
        for actual, as_of in ((260000, NOV_12), (300000, NOV_12), (260000, NOV_30)):
            with self.subTest(actual=actual, as_of=as_of):
                self.assertEqual(self.assertSameAsNative(call("KPI.REQUIRED", actual, 260000, NOV_1, NOV_30, as_of),
                                                         required_native(actual, 260000, NOV_30, as_of)), 0.0)

    def test_the_first_day_and_the_day_before_the_end(self):
        for as_of in (NOV_1, "DATE(2026;11;29)"):
            with self.subTest(as_of=as_of):
                self.assertSameAsNative(call("KPI.REQUIRED", 1234.5, 260000, NOV_1, NOV_30, as_of),
                                        required_native(1234.5, 260000, NOV_30, as_of))

    def test_the_time_of_day_is_ignored(self):
        self.assertSameAsNative(call("KPI.REQUIRED", 96000, 260000, f"{NOV_1}+0.5", f"{NOV_30}+0.25", f"{NOV_12}+0.9"),
                                required_native(96000, 260000, NOV_30, NOV_12))

    def test_cells_holding_dates(self):
        self.sheet.fill("A1", [[31250.5, 400000]])
        self.compute(C1="=DATE(2027;1;1)", D1="=DATE(2027;3;31)", E1="=DATE(2027;2;14)")
        self.assertSameAsNative("=KPI.REQUIRED(A1;B1;C1;D1;E1)", required_native("A1", "B1", "D1", "E1"))


def status_native(actual, target, tolerance=0.05, higher_is_better=True):
    shortfall = f"({target}-({actual}))" if higher_is_better else f"(({actual})-{target})"
    return f"=IF({shortfall}<=0;1;IF({shortfall}<={tolerance}*ABS({target});0;-1))"


class Status(OfficeTestCase):
    def test_example_of_the_function_table(self):
        # functions.toml example: =KPI.STATUS(97;100) gives 0 (3 short, within 5 % of 100).
        self.assertEqual(self.assertSameAsNative("=KPI.STATUS(97;100)", status_native(97, 100)), 0.0)

    def test_met_close_and_missed_when_higher_is_better(self):
        for actual, expected in ((100, 1), (130, 1), (97, 0), (95, 0), (94.9, -1), (10, -1)):
            with self.subTest(actual=actual):
                self.assertEqual(self.assertSameAsNative(call("KPI.STATUS", actual, 100), status_native(actual, 100)),
                                 expected)

    def test_lower_is_better_with_the_tolerance_left_empty(self):
        # =KPI.STATUS(97;100;;FALSE()): a cost of 97 against a budget of 100 is met.
        for actual, expected in ((97, 1), (100, 1), (104, 0), (105, 0), (106, -1)):
            with self.subTest(actual=actual):
                self.assertEqual(self.assertSameAsNative(call("KPI.STATUS", actual, 100, "", "FALSE()"),
                                                         status_native(actual, 100, 0.05, False)), expected)

    def test_other_tolerances(self):
        for tolerance in (0, 0.1, 0.25):
            for actual in (70, 80, 92, 100):
                with self.subTest(tolerance=tolerance, actual=actual):
                    self.assertSameAsNative(call("KPI.STATUS", actual, 100, tolerance),
                                            status_native(actual, 100, tolerance))

    def test_a_negative_target_uses_its_size(self):
        for actual in (-120, -104, -100, -90):
            with self.subTest(actual=actual):
                self.assertSameAsNative(call("KPI.STATUS", actual, -100), status_native(actual, -100))

    def test_higher_is_better_as_a_number(self):
        self.assertSameAsNative("=KPI.STATUS(97;100;0.01;0)", status_native(97, 100, 0.01, False))
        self.assertSameAsNative("=KPI.STATUS(97;100;0.01;1)", status_native(97, 100, 0.01, True))

    def test_cells(self):
        self.sheet.fill("A1", [[4480, 5000, 0.12, 1], [5400, 5000, 0.05, 0]])
        self.assertSameAsNative("=KPI.STATUS(A1;B1;C1;D1)", status_native("A1", "B1", "C1", True))
        self.assertSameAsNative("=KPI.STATUS(A2;B2;C2;D2)", status_native("A2", "B2", "C2", False))


class Version(OfficeTestCase):
    def test_is_a_version_text(self):
        self.compute(A1="=KPI.VERSION()", B1="=ISTEXT(A1)")
        self.assertEqual(self.sheet.error("A1"), 0)
        self.assertRegex(self.sheet.string("A1"), r"^\d+\.\d+\.\d+$")
        self.assertEqual(self.sheet.value("B1"), 1)


if __name__ == "__main__":
    main()
