"""Shared set-up of the integration suites: one office per suite, the function table, comparisons."""
import atexit
import math
import os
import sys
import tomllib
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from office import Office  # noqa: E402

OXT = os.environ.get("KPI_OXT", os.path.join(SOURCE_DIR, "build", "kpi-functions.oxt"))
REL_TOL = 1e-12

# Calc's error codes (cell.getError()) and what ERROR.TYPE gives for them.
DIV0, ERR502, NUM, VALUE, NA = 532, 502, 503, 519, 32767
ERROR_TYPE = {DIV0: 2, VALUE: 3, NUM: 6, NA: 7}


def function_table():
    with open(os.path.join(SOURCE_DIR, "addin", "functions.toml"), "rb") as f:
        return tomllib.load(f)["function"]


_shared_offices = {}


def shared_office(oxt=OXT):
    """One office, with the built .oxt installed, for every test of a suite (a start costs ~2 s); with
    oxt=None, one with a fresh profile where the extension is not installed."""
    if oxt not in _shared_offices:
        _shared_offices[oxt] = Office(oxt=oxt).__enter__()
        atexit.register(_shared_offices[oxt].close)
    return _shared_offices[oxt]


class OfficeTestCase(unittest.TestCase):
    """A test with the shared office and a new sheet of its own."""

    office = None

    @classmethod
    def setUpClass(cls):
        cls.office = shared_office()

    def setUp(self):
        self.sheet = self.office.new_sheet()

    def tearDown(self):
        self.sheet.close()

    def compute(self, **formulas):
        """Enters each formula in its cell (keyword = cell address), recalculates, returns nothing."""
        for address, text in formulas.items():
            self.sheet.formula(address, text)
        self.sheet.recalculate()

    def assertClose(self, actual, expected, what=""):
        self.assertTrue(math.isclose(actual, expected, rel_tol=REL_TOL, abs_tol=0 if expected else 1e-300),
                        f"{what}: {actual!r} != {expected!r} (relative tolerance {REL_TOL})")

    def assertSameAsNative(self, kpi_formula, native_formula):
        """Both formulas, in A1 and B1 of a fresh row, compute the same number without error."""
        self.compute(X1=kpi_formula, Y1=native_formula)
        for address, text in (("X1", kpi_formula), ("Y1", native_formula)):
            self.assertEqual(self.sheet.error(address), 0, f"{text} gave error {self.sheet.error(address)}")
        self.assertClose(self.sheet.value("X1"), self.sheet.value("Y1"), f"{kpi_formula} vs {native_formula}")
        return self.sheet.value("X1")

    def assertCalcError(self, formula, code):
        """The formula shows Calc's error `code`; ERROR.TYPE (or ERRORTYPE for Err:502) agrees."""
        self.compute(X1=formula, Y1="=ERROR.TYPE(X1)", Z1="=ERRORTYPE(X1)")
        self.assertEqual(self.sheet.error("X1"), code, f"{formula}: error {self.sheet.error('X1')}, want {code}")
        self.assertEqual(self.sheet.value("Z1"), code, f"ERRORTYPE of {formula}")
        if code in ERROR_TYPE:
            self.assertEqual(self.sheet.value("Y1"), ERROR_TYPE[code], f"ERROR.TYPE of {formula}")


def main():
    unittest.main(verbosity=2)
