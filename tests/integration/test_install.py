"""The .oxt installs and uninstalls cleanly with unopkg (as a user does from a terminal) and with the
Extension Manager, and the functions work for a normal user. When run as root, as CI does, the unopkg and
normal-user checks run as the unprivileged user "nobody" (unopkg refuses a per-user install as root)."""
import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kpitest import HERE, OXT, SOURCE_DIR  # noqa: E402
from office import Office, props  # noqa: E402

UNOPKG = "/usr/lib/libreoffice/program/unopkg"
IDENTIFIER = "org.kpifunctions.calc"
IS_ROOT = os.geteuid() == 0


class NormalUser:
    """A scratch directory that the user running the check owns, and the command prefix that runs as them."""

    def __init__(self):
        self.directory = tempfile.mkdtemp(prefix="kpi-user-")
        os.chmod(self.directory, 0o755)
        if IS_ROOT:
            user = pwd.getpwnam("nobody")
            self.prefix = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"]
            self.uid, self.gid = user.pw_uid, user.pw_gid
        else:
            self.prefix, self.uid, self.gid = [], os.getuid(), os.getgid()
        self.home = os.path.join(self.directory, "home")
        os.mkdir(self.home)
        os.chown(self.home, self.uid, self.gid)
        self.env = dict(os.environ, HOME=self.home, PYTHONDONTWRITEBYTECODE="1", SAL_USE_VCLPLUGIN="svp")

    def copy(self, source, relative):
        target = os.path.join(self.directory, relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy(source, target)
        os.chmod(target, 0o644)
        return target

    def run(self, *command, timeout=300):
        return subprocess.run([*self.prefix, *command], env=self.env, capture_output=True, text=True,
                              timeout=timeout, cwd=self.home)

    def close(self):
        shutil.rmtree(self.directory, ignore_errors=True)


class Unopkg(unittest.TestCase):
    def setUp(self):
        self.user = NormalUser()
        self.oxt = self.user.copy(OXT, "kpi-functions.oxt")
        self.profile = f"-env:UserInstallation=file://{self.user.home}/profile"

    def tearDown(self):
        self.user.close()

    def unopkg(self, *args):
        result = self.user.run(UNOPKG, *args, self.profile)
        self.assertEqual(result.returncode, 0, f"unopkg {' '.join(args)}: {result.stdout}{result.stderr}")
        return result.stdout

    def test_add_list_remove(self):
        self.unopkg("add", "--suppress-license", self.oxt)
        listing = self.unopkg("list")
        self.assertIn(f"Identifier: {IDENTIFIER}", listing)
        self.assertIn("is registered: yes", listing)
        self.assertIn("Version: ", listing)
        self.unopkg("remove", IDENTIFIER)
        self.assertNotIn(IDENTIFIER, self.unopkg("list"))

    def test_adding_the_same_version_again_with_force_replaces_it(self):
        self.unopkg("add", "--suppress-license", self.oxt)
        self.unopkg("add", "--suppress-license", "--force", self.oxt)
        self.assertEqual(self.unopkg("list").count(f"Identifier: {IDENTIFIER}"), 1)


class ExtensionManager(unittest.TestCase):
    def test_install_then_uninstall_leaves_no_function_behind(self):
        with Office(oxt=OXT) as office:  # installs, restarts and checks that =KPI.ROI(150;100) is 0.5
            office.uninstall()
            self.assertIsNone(office.installed_extension())
            office.stop()
            office.start()
            self.assertNotIn("KPI", office.ctx.ServiceManager.getAvailableServiceNames())
            config = office.ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.configuration.ConfigurationProvider", office.ctx)
            add_ins = config.createInstanceWithArguments(
                "com.sun.star.configuration.ConfigurationAccess",
                props(nodepath="/org.openoffice.Office.CalcAddIns/AddInInfo"))
            self.assertFalse(add_ins.hasByName("KPI"))


class AsNormalUser(unittest.TestCase):
    @unittest.skipUnless(IS_ROOT, "the whole suite already runs as a normal user")
    def test_functions_suite_passes_as_an_unprivileged_user(self):
        user = NormalUser()
        try:
            for path in glob.glob(os.path.join(HERE, "*.py")):
                user.copy(path, os.path.join("tests", "integration", os.path.basename(path)))
            user.copy(os.path.join(SOURCE_DIR, "addin", "functions.toml"), os.path.join("addin", "functions.toml"))
            user.env["KPI_OXT"] = user.copy(OXT, "kpi-functions.oxt")
            user.env["TMPDIR"] = user.home
            result = user.run(sys.executable, os.path.join(user.directory, "tests", "integration",
                                                           "test_functions.py"))
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            self.assertRegex(result.stderr, r"Ran [1-9]\d* tests")
        finally:
            user.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
