"""Checks the built .oxt without an office: every file the manifest, description.xml and the components
file name is in the archive; the component library exports the UNO entry points and has no undefined
symbols; CalcAddIns.xcu is well-formed and matches the table; the committed function reference is current.

usage: check_oxt.py OXT TABLE COMMITTED_REFERENCE GENERATED_REFERENCE README GENERATED_SUMMARY
"""
import filecmp
import os
import subprocess
import sys
import tempfile
import tomllib
import unittest
import xml.etree.ElementTree as ET
import zipfile

OXT, TABLE, COMMITTED_REFERENCE, GENERATED_REFERENCE, README, GENERATED_SUMMARY = sys.argv[1:7]
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

    def test_component_library_is_where_the_components_file_says(self):
        root = self.xml("kpi.components")
        component = root.find(f"{COMPONENTS}component")
        self.assertIn(component.get("uri"), self.names)
        services = [s.get("name") for s in component.iter(f"{COMPONENTS}service")]
        self.assertEqual(services, ["KPI", "org.kpifunctions.SheetBuilder"])

    def test_component_exports_entry_points_and_resolves_every_symbol(self):
        with tempfile.TemporaryDirectory() as directory:
            library = self.archive.extract("Linux_x86_64/kpi.uno.so", directory)
            exported = subprocess.run(["nm", "-D", "--defined-only", library], capture_output=True, text=True,
                                      check=True).stdout
            for symbol in ("component_getFactory", "component_getImplementationEnvironment"):
                self.assertIn(symbol, exported)
            # Everything else stays hidden: only the two entry points are exported functions.
            functions = [line.split()[-1] for line in exported.splitlines() if " T " in line]
            self.assertEqual(sorted(functions), ["component_getFactory", "component_getImplementationEnvironment"])
            env = dict(os.environ, LD_LIBRARY_PATH="/usr/lib/libreoffice/program")
            ldd = subprocess.run(["ldd", "-r", library], capture_output=True, text=True, env=env)
            self.assertNotIn("undefined symbol", ldd.stdout + ldd.stderr)
            self.assertNotIn("not found", ldd.stdout)

    def test_xcu_registers_every_function_of_the_table(self):
        with open(TABLE, "rb") as f:
            table = tomllib.load(f)["function"]
        root = self.xml("CalcAddIns.xcu")
        service = root.find(f"node[@{OOR}name='AddInInfo']/node[@{OOR}name='KPI']")
        self.assertIsNotNone(service, "no AddInInfo/KPI node")
        methods = [n.get(f"{OOR}name") for n in service.find(f"node[@{OOR}name='AddInFunctions']")]
        self.assertEqual(methods, [f["method"] for f in table])


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


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
