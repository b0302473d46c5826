"""Checks the component library the .oxt ships, without an office: it exports only the UNO entry points
(every defined dynamic symbol counts, weak ones and typeinfo too), it names no directory of the build
machine, and every symbol it needs is in the office's UNO libraries.

usage: check_component.py OXT
"""
import os
import re
import subprocess
import sys
import tempfile
import unittest
import zipfile

OXT = sys.argv[1]
SHIPPED = "Linux_x86_64/kpi.uno.so"
# What LibreOffice's shared-library loader looks up (cppuhelper/factory.hxx); component_writeInfo belongs to
# the old active registration, which kpi.components replaces.
ENTRY_POINTS = ["component_getFactory", "component_getImplementationEnvironment"]


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


class Component(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory()
        with zipfile.ZipFile(OXT) as archive:
            cls.library = archive.extract(SHIPPED, cls.directory.name)

    @classmethod
    def tearDownClass(cls):
        cls.directory.cleanup()

    def test_exports_only_the_uno_entry_points(self):
        exported = [line.split()[-1] for line in run("nm", "-D", "--defined-only", self.library).splitlines()]
        self.assertEqual(sorted(exported), ENTRY_POINTS, "every defined dynamic symbol, weak ones too")

    def test_names_no_directory_of_the_build_machine(self):
        paths = re.findall(r"\((?:RPATH|RUNPATH)\).*", run("readelf", "--dynamic", self.library))
        self.assertEqual(paths, [])

    def test_finds_every_symbol_it_needs_in_the_office(self):
        env = dict(os.environ, LD_LIBRARY_PATH="/usr/lib/libreoffice/program")
        ldd = subprocess.run(["ldd", "-r", self.library], capture_output=True, text=True, env=env)
        self.assertNotIn("undefined symbol", ldd.stdout + ldd.stderr)
        self.assertNotIn("not found", ldd.stdout)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
