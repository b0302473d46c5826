"""Checks the component library the .oxt ships, without an office: it exports only the UNO entry points
(every defined dynamic symbol counts, weak ones and typeinfo too), it is stripped and names no directory of
the build machine, every symbol it needs is in the office's UNO libraries, and its debug information stayed
in the build tree.

usage: check_component.py OXT BUILT_LIBRARY DEBUG_DIR
"""
import os
import re
import subprocess
import sys
import tempfile
import unittest
import zipfile

OXT, BUILT_LIBRARY, DEBUG_DIR = sys.argv[1:4]
SHIPPED = "Linux_x86_64/kpi.uno.so"
# What LibreOffice's shared-library loader looks up (cppuhelper/factory.hxx); component_writeInfo belongs to
# the old active registration, which kpi.components replaces.
ENTRY_POINTS = ["component_getFactory", "component_getImplementationEnvironment"]


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def build_id(path):
    return re.search(r"Build ID: ([0-9a-f]+)", run("readelf", "--notes", path)).group(1)


def sections(path):
    return re.findall(r"^\s*\[\s*\d+\]\s+(\S+)", run("readelf", "--section-headers", "--wide", path), re.M)


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

    def test_is_stripped(self):
        names = sections(self.library)
        self.assertNotIn(".symtab", names)
        self.assertEqual([name for name in names if name.startswith((".debug", ".zdebug"))], [])
        self.assertIn(".gnu_debuglink", names)

    def test_names_no_directory_of_the_build_machine(self):
        paths = re.findall(r"\((?:RPATH|RUNPATH)\).*", run("readelf", "--dynamic", self.library))
        self.assertEqual(paths, [])

    def test_finds_every_symbol_it_needs_in_the_office(self):
        env = dict(os.environ, LD_LIBRARY_PATH="/usr/lib/libreoffice/program")
        ldd = subprocess.run(["ldd", "-r", self.library], capture_output=True, text=True, env=env)
        self.assertNotIn("undefined symbol", ldd.stdout + ldd.stderr)
        self.assertNotIn("not found", ldd.stdout)

    def test_is_the_library_of_the_build_tree_whose_debug_information_stayed_there(self):
        with open(self.library, "rb") as shipped, open(BUILT_LIBRARY, "rb") as built:
            self.assertEqual(shipped.read(), built.read())
        debug = BUILT_LIBRARY + ".debug"
        self.assertIn(".debug_info", sections(debug))
        self.assertEqual(build_id(debug), build_id(self.library))
        identity = build_id(self.library)
        by_build_id = os.path.join(DEBUG_DIR, ".build-id", identity[:2], identity[2:] + ".debug")
        self.assertTrue(os.path.samefile(by_build_id, debug), by_build_id)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
