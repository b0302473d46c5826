"""Every documented error of KPI.CONVERSION, KPI.ROI and KPI.RETENTION shows in real Calc as the spec
says, checked with ERROR.TYPE (and ERRORTYPE for Err:502, which ERROR.TYPE does not know)."""
from kpitest import DIV0, ERR502, NA, NUM, VALUE, OfficeTestCase, function_table, main

ERR504 = 504  # Calc's "error in the parameter list"


class DivisionByZero(OfficeTestCase):
    def test_zero_denominators(self):
        for formula in ("=KPI.ROI(1;0)", "=KPI.CONVERSION(0;0)", "=KPI.RETENTION(0;5;5)", "=KPI.ROI(5;Z99)"):
            with self.subTest(formula):
                self.assertCalcError(formula, DIV0)


class InvalidArgument(OfficeTestCase):
    def test_outside_the_domain(self):
        for formula in ("=KPI.CONVERSION(-1;10)", "=KPI.CONVERSION(1;-10)", "=KPI.CONVERSION(500;75)",
                        "=KPI.ROI(1;-100)", "=KPI.RETENTION(-1;10;0)", "=KPI.RETENTION(100;50;60)",
                        "=KPI.RETENTION(100;200;50)"):
            with self.subTest(formula):
                self.assertCalcError(formula, ERR502)


class NoRealResult(OfficeTestCase):
    def test_overflow_is_num(self):
        self.assertCalcError("=KPI.ROI(1E+308;1E-300)", NUM)


class WrongType(OfficeTestCase):
    def test_text_given_directly(self):
        self.assertCalcError('=KPI.ROI("a";1)', VALUE)
        self.assertCalcError('=KPI.CONVERSION(1;"10")', VALUE)

    def test_single_cell_holding_text(self):
        self.sheet.set("A1", "seventy")
        self.assertCalcError("=KPI.CONVERSION(A1;500)", VALUE)

    def test_missing_argument(self):
        self.assertCalcError("=KPI.ROI(150)", VALUE)
        self.assertCalcError("=KPI.RETENTION(100;;10)", VALUE)


class ErrorsPassThrough(OfficeTestCase):
    def test_error_in_a_single_cell_argument_is_passed_on(self):
        self.sheet.formula("A1", "=NA()")
        self.sheet.formula("A2", "=1/0")
        self.assertCalcError("=KPI.ROI(A1;1)", NA)
        self.assertCalcError("=KPI.CONVERSION(1;A2)", DIV0)

    def test_an_error_cell_inside_a_range_is_err504_in_every_argument_of_every_function(self):
        # As the reference says of every function with an argument (functions.toml's [range_errors]): Calc
        # stops before calling the add-in, where SUM over the same range gives the cell's own error.
        self.sheet.formula("Z1", "=1")
        self.sheet.formula("Z2", "=NA()")
        self.compute(Y2="=SUM(Z1:Z2)")
        self.assertEqual(self.sheet.error("Y2"), NA)
        for function in function_table():
            count = len(function.get("argument", []))
            for position in range(count):
                formula = f"={function['name']}({';'.join('Z1:Z2' if i == position else '1' for i in range(count))})"
                with self.subTest(formula):
                    self.compute(X1=formula)
                    self.assertEqual(self.sheet.error("X1"), ERR504, formula)


if __name__ == "__main__":
    main()
