"""A real headless LibreOffice in a throwaway profile, with the built .oxt installed, for tests and the demo.

Runs as root (as CI does) and as a normal user alike: the extension is installed through the office's
own ExtensionManager API rather than with unopkg, which refuses a per-user install as root.

    with Office(oxt="build/kpi-functions.oxt") as office:
        sheet = office.new_sheet()
        sheet.formula("A1", "=KPI.ROI(150;100)")
        office.recalculate(); sheet.value("A1")  # 0.5
"""
import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile

PROGRAM_DIR = "/usr/lib/libreoffice/program"


def _know_extension_types(oxt):
    """Lets this process's UNO runtime know the add-in's own types (kpi.rdb in the .oxt), so that a client
    can call the extension's interfaces (the SheetBuilder service) over the bridge; without them the bridge
    cannot read XSheetBuilder and disposes. The runtime reads its types once, at `import uno`: UNO_TYPES
    is set just for that, the office's own list plus kpi.rdb, and the office started later never sees it."""
    if not oxt or not os.path.isfile(oxt) or "UNO_TYPES" in os.environ:
        return False
    with zipfile.ZipFile(oxt) as archive:
        if "kpi.rdb" not in archive.namelist():
            return False
        directory = tempfile.mkdtemp(prefix="kpi-types-")
        atexit.register(shutil.rmtree, directory, True)  # read lazily: kept until the process ends
        rdb = archive.extract("kpi.rdb", directory)
    office_types = [os.path.join(PROGRAM_DIR, "types.rdb")] + sorted(
        os.path.join(PROGRAM_DIR, "types", name) for name in os.listdir(os.path.join(PROGRAM_DIR, "types"))
        if name.endswith(".rdb"))
    os.environ["UNO_TYPES"] = " ".join("file://" + path for path in office_types + [rdb])
    return True


# ctest sets KPI_OXT for every integration suite; ./kpi sheet sets it before importing this module.
_types_set = _know_extension_types(os.environ.get("KPI_OXT"))
sys.path.append(PROGRAM_DIR)
import uno  # noqa: E402  (python3-uno: run with /usr/bin/python3)
if _types_set:
    del os.environ["UNO_TYPES"]
import unohelper  # noqa: E402
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.task import XInteractionHandler, XInteractionApprove  # noqa: E402
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler  # noqa: E402

SOFFICE = os.environ.get("KPI_SOFFICE", "/usr/lib/libreoffice/program/soffice")
START_TIMEOUT_S = 90


class OfficeError(RuntimeError):
    pass


def props(**values):
    out = []
    for name, value in values.items():
        p = PropertyValue()
        p.Name, p.Value = name, value
        out.append(p)
    return tuple(out)


class _InstallEnvironment(unohelper.Base, XCommandEnvironment, XInteractionHandler, XProgressHandler):
    """Approves the install's confirmation and licence prompts; records any other request (an error)."""

    def __init__(self):
        self.problems = []

    def getInteractionHandler(self):
        return self

    def getProgressHandler(self):
        return self

    def handle(self, request):
        try:
            what = request.Request
            try:
                # LibreOffice 25.2's pyuno (Debian 13, Python 3.13) converts a UNO exception leaving an
                # AttributeError('args') pending, which the next call reports as SystemError; the request is whole
                type(what)
            except SystemError:
                pass
            type_name = what.typeName if hasattr(what, "typeName") else type(what).__name__
            message = getattr(what, "Message", "")
        except Exception as e:  # a request pyuno cannot convert: record it rather than fail inside UNO
            type_name, message = "unreadable request", str(e)
        # Confirmations a user answers with OK when installing: "about to be installed" and the licence.
        is_licence = type_name.endswith(("LicenseException", "InstallException"))
        if not is_licence:
            self.problems.append(f"{type_name}: {message}")
        wanted = uno.getTypeByName("com.sun.star.task.XInteractionApprove" if is_licence
                                   else "com.sun.star.task.XInteractionAbort")
        for continuation in request.Continuations:
            if continuation.queryInterface(wanted):
                continuation.select()
                return

    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


class Office:
    def __init__(self, oxt=None, ui_locale=None):
        self.oxt = oxt
        self.ui_locale = ui_locale
        self.profile = tempfile.mkdtemp(prefix="kpi-profile-")
        self.process = None
        self.ctx = None
        self.desktop = None
        self.documents = []

    # ---- lifecycle ----
    def __enter__(self):
        try:
            self.start()
            if self.oxt:
                self.install(self.oxt)
                # A fresh start loads the extension's configuration and component the way a user's office does.
                self.stop()
                self.start()
                self.check_component_loaded()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    def command_line(self, pipe):
        """soffice's arguments and environment: headless, in the throwaway profile, accepting `pipe`
        (a GUI office under Xvfb overrides this: tests/integration/test_menu.py)."""
        args = [SOFFICE, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
                "--nofirststartwizard", f"-env:UserInstallation={uno.systemPathToFileUrl(self.profile)}",
                f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"]
        env = dict(os.environ, SAL_USE_VCLPLUGIN="svp")
        if self.ui_locale:
            args.insert(1, f"--language={self.ui_locale}")
        return args, env

    def start(self):
        pipe = f"kpi-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        args, env = self.command_line(pipe)
        # stderr goes to a file: a pipe nobody reads would block the office once it is full.
        self.log_path = os.path.join(self.profile, "soffice-stderr.log")
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log, env=env,
                                            start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                self.ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if self.process.poll() is not None:
                    with open(self.log_path, errors="replace") as log:
                        raise OfficeError(f"soffice exited with {self.process.returncode}: {log.read()[-2000:]}")
                if time.monotonic() > deadline:
                    raise OfficeError(f"soffice did not accept a connection within {START_TIMEOUT_S} s")
                time.sleep(0.1)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def stop(self):
        for doc in self.documents:
            try:
                doc.close(True)
            except Exception:
                pass
        self.documents = []
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:
                pass  # the bridge is disposed when the office exits
        self.desktop = self.ctx = None
        if self.process is not None:
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            self.process = None

    def close(self):
        try:
            self.stop()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    # ---- the extension ----
    def extension_manager(self):
        return self.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")

    def install(self, oxt):
        if not os.path.isfile(oxt):
            raise OfficeError(f"{oxt} does not exist: build it first (./kpi build)")
        manager = self.extension_manager()
        environment = _InstallEnvironment()
        try:
            manager.addExtension(uno.systemPathToFileUrl(os.path.abspath(oxt)), (), "user",
                                 manager.createAbortChannel(), environment)
        except Exception as e:
            raise OfficeError(f"installing the .oxt failed: {e}; {'; '.join(environment.problems)}") from e
        if environment.problems:
            raise OfficeError("installing the .oxt failed: " + "; ".join(environment.problems))
        return self.installed_extension()

    def installed_extension(self):
        manager = self.extension_manager()
        for package in manager.getDeployedExtensions("user", manager.createAbortChannel(), None):
            if package.getIdentifier().Value == "org.kpifunctions.calc":
                return package
        return None

    def uninstall(self):
        manager = self.extension_manager()
        manager.removeExtension("org.kpifunctions.calc", "kpi-functions.oxt", "user",
                                manager.createAbortChannel(), _InstallEnvironment())

    def check_component_loaded(self):
        """Fails loudly, saying why, when Calc would show Err:504 in every KPI cell."""
        if self.installed_extension() is None:
            raise OfficeError("the extension org.kpifunctions.calc is not installed in the profile")
        config = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        access = config.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            props(nodepath="/org.openoffice.Office.CalcAddIns/AddInInfo"))
        if not access.hasByName("KPI"):
            raise OfficeError("CalcAddIns.xcu was not registered: the office has no AddInInfo/KPI "
                              "(check the manifest's configuration-data entry)")
        # Only ask whether the service is known: a client without kpi.rdb cannot receive the instance itself
        # (its URP bridge cannot read the add-in's interface type and disposes).
        if "KPI" not in self.ctx.ServiceManager.getAvailableServiceNames():
            raise OfficeError("the service KPI is unknown to the office: the component (kpi.components, "
                              "Linux_x86_64/kpi.uno.so) was not registered")
        sheet = self.new_sheet()
        sheet.formula("A1", "=KPI.ROI(150;100)")
        self.recalculate(sheet)
        if sheet.error("A1") == 504 or sheet.value("A1") != 0.5:
            raise OfficeError(f"=KPI.ROI(150;100) gave error {sheet.error('A1')} / value {sheet.value('A1')} "
                              "instead of 0.5: Calc did not bind the add-in's functions")
        sheet.close()

    def version(self):
        """The office's version, (7, 4) for LibreOffice 7.4.7: for tests of what differs between versions."""
        config = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        product = config.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                     props(nodepath="/org.openoffice.Setup/Product"))
        return tuple(int(part) for part in product.getByName("ooSetupVersion").split(".")[:2])

    # ---- documents ----
    def new_sheet(self):
        doc = self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
        self.documents.append(doc)
        return Sheet(self, doc)

    def open(self, path):
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                                props(Hidden=True))
        if doc is None:
            raise OfficeError(f"could not open {path}")
        self.documents.append(doc)
        return Sheet(self, doc)

    def recalculate(self, sheet):
        sheet.doc.calculateAll()


class Sheet:
    """A Calc document and its current sheet, with cells addressed as "A1"."""

    def __init__(self, office, doc, index=0):
        self.office = office
        self.doc = doc
        self.sheet = doc.Sheets.getByIndex(index)

    def use(self, name):
        self.sheet = self.doc.Sheets.getByName(name)
        return self

    def cell(self, address):
        return self.sheet.getCellRangeByName(address)

    def formula(self, address, text):
        self.cell(address).setFormula(text)

    def array_formula(self, address_range, text):
        self.cell(address_range).setArrayFormula(text)

    def set(self, address, value):
        cell = self.cell(address)
        if isinstance(value, str):
            cell.setString(value)
        elif value is None:
            cell.setString("")
        else:
            cell.setValue(value)

    def fill(self, top_left, rows):
        """Writes rows of values (numbers, strings, None for empty) from top_left down and right."""
        start = self.cell(top_left).getCellAddress()
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = self.sheet.getCellByPosition(start.Column + c, start.Row + r)
                if value is None:
                    continue
                if isinstance(value, str):
                    cell.setString(value)
                else:
                    cell.setValue(value)

    def value(self, address):
        return self.cell(address).getValue()

    def string(self, address):
        return self.cell(address).getString()

    def error(self, address):
        """Calc's error code of the cell (532 = #DIV/0!, 502 = Err:502 ...), 0 when it has none."""
        return self.cell(address).getError()

    def get_formula(self, address):
        return self.cell(address).getFormula()

    def recalculate(self):
        self.doc.calculateAll()

    def save(self, path, filter_name):
        self.doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), props(FilterName=filter_name))

    def close(self):
        if self.doc in self.office.documents:
            self.office.documents.remove(self.doc)
        self.doc.close(True)
