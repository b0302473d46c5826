"""The KPI menu in Calc: Data > KPI > Build KPI Sheet... (oxt-packaging/Addons.xcu), its protocol handler
(addin/menu_command.cxx, oxt-packaging/ProtocolHandler.xcu) and the Build KPI Sheet dialog
(oxt-packaging/dialogs/BuildSheet.xdl with BuildSheet_<locale>.properties), in a real LibreOffice.

Headless, in English and in Indonesian: the merged menu and toolbar configuration, the handler answering for
the command in a Calc frame, the dialog and its strings in the installed extension, and the command end to
end through its test hook. The hook is the dispatch argument Unattended=true (addin/menu_command.cxx,
BuildSheetDialog): the dialog is created and filled as for the user but not shown, Build is pressed at once,
no message box opens, and the dispatch result is JSON with the outcome and the texts the dialog showed.
Undo is checked in the real window only: Calc 7.4 can undo the insertion of a sheet only in a document with a
view, so the service records no undo step for a first build in a hidden document (addin/sheet_builder.cxx,
has_active_view).

Under Xvfb (RealCalc): the real menu command in a real Calc window, driven with xdotool: Data > KPI >
Build KPI Sheet..., nothing changed in the dialog, Build; the KPI sheet appears; Edit > Undo removes it. It
needs xvfb, xdotool and openbox (imagemagick too for the screenshots), and a LibreOffice with a GUI: Debian's
libreoffice-calc-nogui has none, so the suite uses $KPI_GUI_SOFFICE (./kpi test composes such an office in the
build directory), or the system soffice when its program directory has the X11 plugin (libvclplug_gen), and is
skipped otherwise. Screenshots go to
$KPI_SCREENSHOT_DIR (default: "screenshots" beside the .oxt).
"""
import json
import os
import re
import shutil
import subprocess
import time
import unittest
import xml.etree.ElementTree as ET

import kpitest
from kpitest import OXT, SOURCE_DIR, main
from office import Office, Sheet, props

import uno  # noqa: E402  (after office: it sets up the path)
import unohelper  # noqa: E402
from com.sun.star.frame import XStatusListener  # noqa: E402
from com.sun.star.lang import Locale  # noqa: E402

EXTENSION = "org.kpifunctions.calc"
COMMAND = "org.kpifunctions.command:BuildSheet"
DIALOG_URL = f"vnd.sun.star.extension://{EXTENSION}/dialogs/BuildSheet.xdl"
DIALOGS = os.path.join(SOURCE_DIR, "oxt-packaging", "dialogs")
DLG = "{http://openoffice.org/2000/dialog}"
DATE_FORMAT = 2  # com.sun.star.util.NumberFormat.DATE


def read_properties(path):
    """A dialog strings file as LibreOffice reads it: ISO 8859-1, key=value, \\uXXXX and \\n escapes."""
    strings = {}
    with open(path, encoding="iso-8859-1") as f:
        for line in f:
            line = line.strip()
            if not line or line[0] in "#!":
                continue
            key, _, value = line.partition("=")
            strings[key.strip()] = re.sub(r"\\u([0-9a-fA-F]{4})|\\n",
                                          lambda m: chr(int(m.group(1), 16)) if m.group(1) else "\n", value)
    return strings


ENGLISH = read_properties(os.path.join(DIALOGS, "BuildSheet_en_US.properties"))
INDONESIAN = read_properties(os.path.join(DIALOGS, "BuildSheet_id.properties"))


def fill_orders(doc, rows=40):
    """An order export on the sheet Orders: customer, order date (date cells), amount; header in row 1."""
    doc.Sheets.getByIndex(0).Name = "Orders"
    sheet = Sheet(None, doc)
    data = [["Customer", "Order date", "Amount"]]
    for i in range(rows):
        data.append([f"cust-{(i * 7) % 11:02d}", 46000 + (i * 5) % 97, round(125.5 + (i * 37) % 90 * 3.25, 2)])
    sheet.fill("A1", data)
    sheet.cell(f"B2:B{rows + 1}").NumberFormat = doc.NumberFormats.getStandardFormat(DATE_FORMAT,
                                                                                     Locale("en", "US", ""))
    return data


def sheet_names(doc):
    return [doc.Sheets.getByIndex(i).Name for i in range(doc.Sheets.Count)]


def cells(doc, sheet, area):
    return doc.Sheets.getByName(sheet).getCellRangeByName(area).getDataArray()


def run_command(office, doc, **arguments):
    """Dispatches the menu command in the document's frame; returns its outcome (the dispatch result)."""
    helper = office.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
    event = helper.executeDispatch(doc.CurrentController.Frame, COMMAND, "", 0, props(**arguments))
    return json.loads(event.Result)


def parse_url(office, text):
    transformer = office.ctx.ServiceManager.createInstanceWithContext("com.sun.star.util.URLTransformer",
                                                                      office.ctx)
    url = uno.createUnoStruct("com.sun.star.util.URL")
    url.Complete = text
    return transformer.parseStrict(url)[1]


def configuration(office, path, locale=None):
    provider = office.ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", office.ctx)
    arguments = {"nodepath": path}
    if locale:
        arguments["Locale"] = locale
    return provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                props(**arguments))


def file_exists(office, url):
    access = office.ctx.ServiceManager.createInstanceWithContext("com.sun.star.ucb.SimpleFileAccess", office.ctx)
    return access.exists(url)


def extension_location(office):
    provider = office.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
    return provider.getPackageLocation(EXTENSION)


def dialog_peer_texts(office):
    """Creates the dialog from the installed extension as the command does; returns what its window shows:
    the title, each control's text (resource ids resolved), each list's entries."""
    provider = office.ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.DialogProvider2", office.ctx)
    dialog = provider.createDialog(DIALOG_URL)
    try:
        shown = {"title": dialog.getPeer().getProperty("Title")}
        for control in dialog.getControls():
            name = control.getModel().Name
            peer = control.getPeer()
            if hasattr(peer, "getItems"):
                shown[name] = list(peer.getItems())
            else:
                shown[name] = peer.getProperty("Text")
        return shown
    finally:
        dialog.dispose()


def xdl_resources():
    """Each control of BuildSheet.xdl with a resource id ("&id") as its label, title or list entries."""
    root = ET.parse(os.path.join(DIALOGS, "BuildSheet.xdl")).getroot()
    resources = {"title": root.get(f"{DLG}title")[1:]}
    for element in root.iter():
        name = element.get(f"{DLG}id")
        if not name or element is root:
            continue
        items = [item.get(f"{DLG}value")[1:] for item in element.iter(f"{DLG}menuitem")]
        title = element.find(f"{DLG}title")
        if items:
            resources[name] = items
        elif title is not None:
            resources[name] = title.get(f"{DLG}value")[1:]
        elif (element.get(f"{DLG}value") or "").startswith("&"):
            resources[name] = element.get(f"{DLG}value")[1:]
    return resources


class _StatusListener(unohelper.Base, XStatusListener):
    def __init__(self):
        self.states = []

    def statusChanged(self, state):
        self.states.append(state)

    def disposing(self, source):
        pass


# ---------------------------------------------------------------------------------------------------------
class MenuConfiguration(kpitest.OfficeTestCase):
    """The menu, toolbar and handler entries as the office merged them from the installed extension."""

    def test_build_kpi_sheet_is_in_calcs_data_menu_in_english_and_indonesian(self):
        for locale, title in (("en-US", "~Build KPI Sheet\u2026"), ("id", "~Buat Lembar KPI\u2026")):
            with self.subTest(locale):
                merging = configuration(self.office, "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBarMerging",
                                        locale)
                instruction = merging.getByName(EXTENSION).getByName("DataMenu")
                self.assertEqual(instruction.MergePoint, ".uno:DataMenu\\.uno:StatisticsMenu")
                self.assertEqual(instruction.MergeCommand, "AddAfter")
                self.assertEqual(instruction.MergeContext, "com.sun.star.sheet.SpreadsheetDocument")
                items = [instruction.MenuItems.getByName(n) for n in sorted(instruction.MenuItems.ElementNames)]
                kpi = [item for item in items if item.Title == "~KPI"]
                self.assertEqual(len(kpi), 1, "no KPI submenu")
                self.assertEqual(kpi[0].Context, "com.sun.star.sheet.SpreadsheetDocument")
                submenu = {kpi[0].Submenu.getByName(n).URL: kpi[0].Submenu.getByName(n)
                           for n in kpi[0].Submenu.ElementNames}
                self.assertIn(COMMAND, submenu)
                self.assertEqual(submenu[COMMAND].Title, title)
                self.assertEqual(submenu[COMMAND].Context, "com.sun.star.sheet.SpreadsheetDocument")

    def test_toolbar_button_is_merged_into_calcs_standard_bar_with_its_icons(self):
        merging = configuration(self.office, "/org.openoffice.Office.Addons/AddonUI/OfficeToolbarMerging")
        instruction = merging.getByName(EXTENSION).getByName("StandardBar")
        self.assertEqual(instruction.MergeToolBar, "standardbar")
        self.assertEqual(instruction.MergeContext, "com.sun.star.sheet.SpreadsheetDocument")
        urls = [instruction.ToolBarItems.getByName(n).URL for n in instruction.ToolBarItems.ElementNames]
        self.assertEqual(urls, [COMMAND])

        images = configuration(self.office, "/org.openoffice.Office.Addons/AddonUI/Images")
        image = [images.getByName(n) for n in images.ElementNames if images.getByName(n).URL == COMMAND]
        self.assertEqual(len(image), 1, "no image for the command")
        for url in (image[0].UserDefinedImages.ImageSmallURL, image[0].UserDefinedImages.ImageBigURL):
            # %origin% became the installed extension's folder when the office registered the configuration
            self.assertNotIn("%origin%", url)
            self.assertTrue(url.endswith((".png")), url)
            self.assertTrue(file_exists(self.office, url), f"{url} does not exist")

    def test_protocol_handler_is_registered_for_the_command_scheme(self):
        handlers = configuration(self.office, "/org.openoffice.Office.ProtocolHandler/HandlerSet")
        self.assertIn("org.kpifunctions.MenuCommand", handlers.ElementNames)
        self.assertEqual(tuple(handlers.getByName("org.kpifunctions.MenuCommand").Protocols),
                         ("org.kpifunctions.command:*",))


# ---------------------------------------------------------------------------------------------------------
class DialogFiles(kpitest.OfficeTestCase):
    """The dialog and its strings in the installed extension, loaded as the command loads them."""

    def test_dialog_and_both_strings_files_are_in_the_installed_extension(self):
        location = extension_location(self.office)
        self.assertTrue(location, "the extension is not installed")
        for name in ("BuildSheet.xdl", "BuildSheet_en_US.properties", "BuildSheet_id.properties",
                     "BuildSheet_en_US.default"):
            self.assertTrue(file_exists(self.office, f"{location}/dialogs/{name}"), name)

    def test_both_strings_files_have_every_string(self):
        self.assertEqual(sorted(ENGLISH), sorted(INDONESIAN))
        for key, value in INDONESIAN.items():
            self.assertTrue(value, key)
        used = set()
        for value in xdl_resources().values():
            used.update(value if isinstance(value, list) else [value])
        self.assertLessEqual(used, set(ENGLISH), "the dialog uses a string the files lack")

    def test_dialog_loads_from_the_extension_with_english_labels(self):
        shown = dialog_peer_texts(self.office)
        self.assertEqual(shown["title"], "Build KPI Sheet")
        self.assertEqual(shown["BuildButton"], "~Build")
        for name, resource in xdl_resources().items():
            with self.subTest(name):
                expected = [ENGLISH[r] for r in resource] if isinstance(resource, list) else ENGLISH[resource]
                self.assertEqual(shown[name], expected)
        self.assertEqual(len([n for n in shown if n.startswith("RoleList")]), 7)

    def test_indonesian_strings_resolve_for_the_indonesian_locale(self):
        """The strings as the dialog provider reads them (StringResourceWithLocation beside the dialog),
        for an Indonesian UI; the Indonesian office below shows them in the dialog itself."""
        smgr = self.office.ctx.ServiceManager
        handler = smgr.createInstanceWithContext("com.sun.star.task.InteractionHandler", self.office.ctx)
        resource = smgr.createInstanceWithArgumentsAndContext(
            "com.sun.star.resource.StringResourceWithLocation",
            (f"vnd.sun.star.extension://{EXTENSION}/dialogs", True, Locale("id", "", ""), "BuildSheet", "",
             handler), self.office.ctx)
        self.assertEqual(resource.getCurrentLocale().Language, "id")
        self.assertEqual(resource.getDefaultLocale().Language, "en")
        for key, value in INDONESIAN.items():
            self.assertEqual(resource.resolveString(key), value, key)
        self.assertEqual(resource.resolveString("dialog.title"), "Buat Lembar KPI")


# ---------------------------------------------------------------------------------------------------------
class Command(kpitest.OfficeTestCase):
    """The command in a Calc frame: the handler, and the dialog's work end to end through the test hook."""

    def test_handler_answers_for_the_command_in_a_calc_frame(self):
        frame = self.sheet.doc.CurrentController.Frame
        dispatch = frame.queryDispatch(parse_url(self.office, COMMAND), "", 0)
        self.assertIsNotNone(dispatch)
        self.assertEqual(dispatch.getImplementationName(), "org.kpifunctions.MenuCommand")
        self.assertTrue(dispatch.supportsService("com.sun.star.frame.ProtocolHandler"))
        self.assertIsNone(frame.queryDispatch(parse_url(self.office, "org.kpifunctions.command:NoSuchCommand"),
                                              "", 0))

    def test_command_is_enabled(self):
        url = parse_url(self.office, COMMAND)
        dispatch = self.sheet.doc.CurrentController.Frame.queryDispatch(url, "", 0)
        listener = _StatusListener()
        dispatch.addStatusListener(listener, url)
        dispatch.removeStatusListener(listener, url)
        self.assertEqual([s.IsEnabled for s in listener.states], [True])

    def test_build_writes_the_kpi_sheet_and_shows_it(self):
        data = fill_orders(self.sheet.doc)
        outcome = run_command(self.office, self.sheet.doc, Unattended=True)
        self.assertTrue(outcome["built"], outcome["error"])
        self.assertIsNone(outcome["error"])
        report = outcome["report"]
        self.assertEqual(report["sheet"], "KPI")
        self.assertEqual(sheet_names(self.sheet.doc), ["Orders", "KPI"])
        self.assertEqual(self.sheet.doc.CurrentController.ActiveSheet.Name, "KPI", "the KPI sheet is not shown")
        self.assertEqual([t["kind"] for t in report["tables"]], ["orders"])
        self.assertEqual(report["periods"]["grain"], "month")
        revenue = [k for k in report["kpis"] if k["id"] == "orders.revenue"]
        self.assertEqual(len(revenue), 1)
        self.assertAlmostEqual(revenue[0]["value"], sum(row[2] for row in data[1:]), places=6)
        # the data sheet is as it was
        self.assertEqual([list(r) for r in cells(self.sheet.doc, "Orders", "A1:C41")],
                         [[float(v) if isinstance(v, (int, float)) else v for v in row] for row in data])

    def test_dialog_shows_the_detected_table_its_roles_and_the_defaults(self):
        fill_orders(self.sheet.doc)
        dialog = run_command(self.office, self.sheet.doc, Unattended=True)["dialog"]
        self.assertEqual(dialog["title"], "Build KPI Sheet")
        self.assertEqual(dialog["labels"]["TablesLabel"], ENGLISH["label.tables"])
        self.assertEqual(dialog["tables"], ["Orders: Orders (transactions) \u2014 Orders!A2:C41, 40 rows"])
        self.assertEqual(dialog["table"], dialog["tables"][0])
        self.assertEqual(dialog["kind"], "Orders (transactions)")
        self.assertEqual(len(dialog["kinds"]), 8)
        columns = ["(none)", "A: Customer", "B: Order date", "C: Amount"]
        roles = {r["role"]: r for r in dialog["roles"]}
        self.assertEqual(list(roles), ["customer", "date", "order", "amount"])
        for role, label, selected in (("customer", "Customer", "A: Customer"), ("date", "Date", "B: Order date"),
                                      ("order", "Order number (optional)", "(none)"),
                                      ("amount", "Amount (optional)", "C: Amount")):
            with self.subTest(role):
                self.assertEqual(roles[role]["label"], label)
                self.assertEqual(roles[role]["selected"], selected)
                self.assertEqual(roles[role]["entries"], columns)
        self.assertEqual(dialog["grains"], ["Day", "Week", "Month", "Quarter", "Year"])
        self.assertEqual(dialog["grain"], "Month")
        self.assertEqual(dialog["languages"], ["English", "Indonesian"])
        self.assertEqual(dialog["language"], "English")
        self.assertEqual(dialog["sheet_name"], "KPI")
        self.assertEqual(dialog["warnings"], ENGLISH["warnings.none"])

    def test_chosen_period_language_and_sheet_name_reach_the_build(self):
        fill_orders(self.sheet.doc)
        english = run_command(self.office, self.sheet.doc, Unattended=True, SheetName="Summary")["report"]
        outcome = run_command(self.office, self.sheet.doc, Unattended=True, Grain="week", Language="id",
                              SheetName="Ringkasan")
        self.assertTrue(outcome["built"], outcome["error"])
        self.assertEqual(outcome["dialog"]["grain"], "Week")
        self.assertEqual(outcome["dialog"]["language"], "Indonesian")
        report = outcome["report"]
        self.assertEqual(report["sheet"], "Ringkasan")
        self.assertEqual(report["periods"]["grain"], "week")
        label = {k["id"]: k["label"] for k in report["kpis"]}
        english_label = {k["id"]: k["label"] for k in english["kpis"]}
        self.assertNotEqual(label["orders.revenue"], english_label["orders.revenue"], "labels not in Indonesian")
        self.assertEqual(self.sheet.doc.CurrentController.ActiveSheet.Name, "Ringkasan")

    def test_warnings_show_with_their_counts_of_rows(self):
        data = fill_orders(self.sheet.doc)
        for row in range(2, 8):  # six amounts typed as text, as exports with "Rp 150.000" have them
            self.sheet.cell(f"C{row}").setString(f"Rp {data[row - 1][2]:.0f}")
        dialog = run_command(self.office, self.sheet.doc, Unattended=True)["dialog"]
        self.assertIn("column C, 6 rows", dialog["warnings"])

    def test_workbook_without_a_table_says_so(self):
        self.sheet.set("B3", "just a note")
        outcome = run_command(self.office, self.sheet.doc, Unattended=True)
        self.assertFalse(outcome["built"])
        self.assertEqual(outcome["error"], ENGLISH["message.no_table"])
        self.assertEqual(sheet_names(self.sheet.doc), ["Sheet1"])

    def test_a_failed_build_gives_the_reason_and_changes_nothing(self):
        fill_orders(self.sheet.doc)
        outcome = run_command(self.office, self.sheet.doc, Unattended=True, SheetName="a/b")
        self.assertFalse(outcome["built"])
        self.assertIn("a/b", outcome["error"])
        self.assertEqual(sheet_names(self.sheet.doc), ["Orders"])
        outcome = run_command(self.office, self.sheet.doc, Unattended=True, SheetName="  ")
        self.assertFalse(outcome["built"])
        self.assertEqual(outcome["error"], ENGLISH["message.sheet_name"])

    def test_without_the_hook_the_headless_office_cancels_the_dialog(self):
        """A headless office cancels every modal dialog at once: the command opens it and writes nothing."""
        fill_orders(self.sheet.doc)
        outcome = run_command(self.office, self.sheet.doc)
        self.assertFalse(outcome["built"])
        self.assertIsNone(outcome["error"])
        self.assertIsNone(outcome["dialog"])
        self.assertEqual(sheet_names(self.sheet.doc), ["Orders"])


def indonesian_office(test_class):
    """An office with the extension whose UI is Indonesian, closed after `test_class`'s tests; skips them
    when the office cannot speak Indonesian (the libreoffice-l10n-id language pack is missing)."""
    office = Office(oxt=OXT, ui_locale="id").__enter__()
    test_class.addClassCleanup(office.close)
    ui = configuration(office, "/org.openoffice.Setup/L10N").ooLocale
    if not ui.startswith("id"):
        raise unittest.SkipTest(f"the office's UI language is {ui!r}, not Indonesian: install libreoffice-l10n-id")
    return office


# ---------------------------------------------------------------------------------------------------------
class IndonesianUi(unittest.TestCase):
    """An office whose UI is Indonesian (needs the libreoffice-l10n-id language pack)."""

    @classmethod
    def setUpClass(cls):
        cls.office = indonesian_office(cls)

    def test_dialog_shows_indonesian_labels(self):
        shown = dialog_peer_texts(self.office)
        self.assertEqual(shown["title"], "Buat Lembar KPI")
        self.assertEqual(shown["BuildButton"], "~Buat")
        for name, resource in xdl_resources().items():
            with self.subTest(name):
                expected = ([INDONESIAN[r] for r in resource] if isinstance(resource, list)
                            else INDONESIAN[resource])
                self.assertEqual(shown[name], expected)

    def test_dialog_is_indonesian_and_labels_default_to_indonesian(self):
        sheet = self.office.new_sheet()
        fill_orders(sheet.doc)
        outcome = run_command(self.office, sheet.doc, Unattended=True)
        self.assertTrue(outcome["built"], outcome["error"])
        dialog = outcome["dialog"]
        self.assertEqual(dialog["title"], "Buat Lembar KPI")
        self.assertEqual(dialog["tables"], ["Orders: Pesanan (transaksi) \u2014 Orders!A2:C41, 40 baris"])
        self.assertEqual([r["label"] for r in dialog["roles"]],
                         ["Pelanggan", "Tanggal", "Nomor pesanan (opsional)", "Jumlah (nilai) (opsional)"])
        self.assertEqual(dialog["roles"][2]["selected"], "(tidak ada)")
        self.assertEqual(dialog["grain"], "Bulan")
        self.assertEqual(dialog["language"], "Indonesia")
        self.assertEqual(dialog["warnings"], INDONESIAN["warnings.none"])
        self.assertEqual(outcome["report"]["sheet"], "KPI")
        sheet.close()

    def test_cancelled_orders_are_reported_in_indonesian(self):
        sheet = self.office.new_sheet()
        data = fill_orders(sheet.doc)
        statuses = [["Status Pesanan"]] + [["Batal" if i % 8 == 3 else "Selesai"] for i in range(len(data) - 1)]
        sheet.fill("D1", statuses)
        outcome = run_command(self.office, sheet.doc, Unattended=True)
        self.assertTrue(outcome["built"], outcome["error"])
        self.assertEqual(outcome["dialog"]["warnings"],
                         f"Orders kolom D, 5 baris: {INDONESIAN['warning.cancelled_orders']}")
        (warning,) = outcome["report"]["warnings"]
        self.assertEqual((warning["code"], warning["rows"]), ("cancelled_orders", 5))
        sheet.close()


# ---------------------------------------------------------------------------------------------------------
def gui_soffice():
    """A soffice that can open windows under X11, or None."""
    candidate = os.environ.get("KPI_GUI_SOFFICE") or os.environ.get("KPI_SOFFICE",
                                                                    "/usr/lib/libreoffice/program/soffice")
    program = os.path.dirname(os.path.realpath(candidate))
    if os.path.isfile(candidate) and any(n.startswith("libvclplug_gen") for n in os.listdir(program)):
        return candidate
    return None


# The KPI submenu's second entry, Explain Error (tests/integration/test_explain.py), by UI language.
EXPLAIN_ERROR = {"en-US": "Explain Error", "id": "Jelaskan Galat"}
GUI_TOOLS = ("Xvfb", "xdotool", "openbox")  # and ImageMagick's import for screenshots, when it is there


class Display:
    """An X server of its own (Xvfb) with a window manager (openbox), and xdotool to drive it."""

    def __init__(self):
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24",
                                      "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            self.name = ":" + f.readline().strip()
        self.env = dict(os.environ, DISPLAY=self.name)
        self.window_manager = subprocess.Popen(["openbox"], env=self.env, stdout=subprocess.DEVNULL,
                                               stderr=subprocess.DEVNULL)
        time.sleep(1)

    def close(self):
        for process in (self.window_manager, self.xvfb):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    def xdotool(self, *arguments):
        return subprocess.run(["xdotool", *arguments], env=self.env, capture_output=True, text=True).stdout

    def windows(self, title_pattern):
        return self.xdotool("search", "--onlyvisible", "--name", title_pattern).split()

    def wait_for_window(self, title_pattern, present=True, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if bool(self.windows(title_pattern)) == present:
                time.sleep(0.5)  # let it paint
                return True
            time.sleep(0.25)
        return False

    def keys(self, *keys):
        for key in keys:
            self.xdotool("key", "--clearmodifiers", key)
            time.sleep(0.6)

    def screenshot(self, path):
        """A picture of the screen for a person to look at, when ImageMagick is installed; else None."""
        if not shutil.which("import"):
            return None
        subprocess.run(["import", "-window", "root", path], env=self.env, check=True)
        return path


LABEL, MENU, TOOL_BAR = (uno.getConstantByName(f"com.sun.star.accessibility.AccessibleRole.{role}")
                         for role in ("LABEL", "MENU", "TOOL_BAR"))


def accessible_tree(context, depth=4):
    """(role, name, children) of an accessible context and its descendants, `depth` levels down."""
    children = []
    if depth > 0:
        for i in range(context.getAccessibleChildCount()):
            children.append(accessible_tree(context.getAccessibleChild(i).getAccessibleContext(), depth - 1))
    return (context.getAccessibleRole(), context.getAccessibleName(), children)


def walk(node):
    yield node
    for child in node[2]:
        yield from walk(child)


class GuiOffice(Office):
    """The office with windows, on the given X display."""

    def __init__(self, soffice, display, **kwargs):
        super().__init__(**kwargs)
        self.soffice = soffice
        self.display = display

    def command_line(self, pipe):
        args, _ = super().command_line(pipe)
        args = [self.soffice] + [a for a in args[1:] if a not in ("--headless", "--invisible")]
        return args, dict(self.display.env, SAL_USE_VCLPLUGIN="gen")


@unittest.skipUnless(all(shutil.which(t) for t in GUI_TOOLS), f"needs {', '.join(GUI_TOOLS)} (Xvfb GUI check)")
@unittest.skipUnless(gui_soffice(), "needs a LibreOffice with a GUI: set KPI_GUI_SOFFICE (see the docstring)")
class RealCalc(unittest.TestCase):
    """The real menu command in a real Calc window under Xvfb, driven by the keyboard as a user would."""

    SCREENSHOTS = os.environ.get("KPI_SCREENSHOT_DIR", os.path.join(os.path.dirname(os.path.abspath(OXT)),
                                                                    "screenshots"))

    def start(self, language):
        display = Display()
        self.addCleanup(display.close)
        office = GuiOffice(gui_soffice(), display, oxt=OXT, ui_locale=language)
        office.__enter__()
        self.addCleanup(office.close)
        # a first start would open the Tip of the Day over the document
        update = office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", office.ctx).createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            props(nodepath="/org.openoffice.Office.Common/Misc"))
        update.ShowTipOfTheDay = False
        update.commitChanges()
        os.makedirs(self.SCREENSHOTS, exist_ok=True)
        return display, office

    def open_calc(self, display, office, with_orders=True):
        before = set(display.windows("LibreOffice Calc"))
        doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())
        office.documents.append(doc)
        if with_orders:
            fill_orders(doc)
        deadline = time.monotonic() + 30
        while not set(display.windows("LibreOffice Calc")) - before and time.monotonic() < deadline:
            time.sleep(0.25)
        windows = set(display.windows("LibreOffice Calc")) - before
        self.assertTrue(windows, "no Calc window")
        window = windows.pop()
        display.xdotool("windowsize", window, "1280", "880")
        display.xdotool("windowactivate", "--sync", window)
        time.sleep(1)
        return doc

    def choose_build_kpi_sheet(self, display):
        """Data (Alt+D); the KPI submenu is the menu's last entry (Up from the first); open it; choose its
        entry. Returns the screenshot of the open menu."""
        display.keys("alt+d", "Up", "Right")
        menu = display.screenshot(os.path.join(self.SCREENSHOTS, f"menu-{self.language}.png"))
        display.keys("Return")
        return menu

    def build_through_the_menu(self, title, menu_entry):
        display, office = self.start(self.language)
        doc = self.open_calc(display, office)
        # The window's menu bar and toolbars as accessibility reports them: the entry and the button are there
        tree = accessible_tree(doc.CurrentController.Frame.ContainerWindow.getAccessibleContext())
        menus = [node for node in walk(tree) if node[0] == MENU and node[1] == "KPI"]
        self.assertEqual(len(menus), 1, "no KPI submenu in the menu bar")
        self.assertEqual([child[1] for child in menus[0][2]], [menu_entry, EXPLAIN_ERROR[self.language]])
        buttons = [child[1] for node in walk(tree) if node[0] == TOOL_BAR for child in node[2]]
        self.assertIn(title, buttons, "no Build KPI Sheet button on a toolbar")

        menu = self.choose_build_kpi_sheet(display)
        self.assertTrue(display.wait_for_window(f"^{title}$"), f"the dialog '{title}' did not open ({menu})")
        shot = display.screenshot(os.path.join(self.SCREENSHOTS, f"dialog-{self.language}.png"))
        print(f"\n  screenshots: {menu} {shot}", end=" ")
        display.keys("alt+b")  # ~Build / ~Buat, with nothing changed
        self.assertTrue(display.wait_for_window(f"^{title}$", present=False), "the dialog stayed open")
        self.assertEqual(sheet_names(doc), ["Orders", "KPI"])
        self.assertEqual(doc.CurrentController.ActiveSheet.Name, "KPI", "the KPI sheet is not shown")
        display.screenshot(os.path.join(self.SCREENSHOTS, f"kpi-sheet-{self.language}.png"))
        return display, office, doc

    def test_english_menu_builds_the_sheet_and_edit_undo_removes_it(self):
        self.language = "en-US"
        display, office, doc = self.build_through_the_menu("Build KPI Sheet", "Build KPI Sheet\u2026")
        display.keys("alt+e", "Return")  # Edit > Undo, the first entry of the Edit menu
        deadline, names, gone = time.monotonic() + 10, None, None
        while names != ["Orders"] and not gone and time.monotonic() < deadline:
            try:
                names = sheet_names(doc)
            except Exception as e:  # the document or the office is gone (a UNO error: not to be chained)
                gone = str(e)
            time.sleep(0.25)
        if gone:
            with open(office.log_path, errors="replace") as log:
                self.fail(f"Edit > Undo brought the office down ({gone}): {log.read()[-1500:]}")
        display.screenshot(os.path.join(self.SCREENSHOTS, f"after-undo-{self.language}.png"))
        self.assertEqual(names, ["Orders"], "Edit > Undo did not remove the KPI sheet")

    def test_corrections_in_the_dialog_reach_the_build(self):
        self.language = "en-US-corrected"
        display, office = self.start("en-US")
        doc = self.open_calc(display, office)
        self.choose_build_kpi_sheet(display)
        self.assertTrue(display.wait_for_window("^Build KPI Sheet$"))
        toolkit = office.ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)

        def shown_labels():
            tree = accessible_tree(toolkit.getActiveTopWindow().getAccessibleContext(), depth=3)
            return [node[1] for node in walk(tree) if node[0] == LABEL]

        self.assertIn("Amount (optional)", shown_labels())
        display.keys("Tab", "Down")  # the kind list: Orders -> Leads; the role rows follow
        display.screenshot(os.path.join(self.SCREENSHOTS, "dialog-kind-changed-en-US.png"))
        labels = shown_labels()
        self.assertIn("Lead", labels)
        self.assertIn("Status (optional)", labels)
        self.assertNotIn("Amount (optional)", labels)
        display.keys("Up")  # back to Orders: the detected columns again
        display.keys("Tab", "Tab", "Tab", "Tab", "Home")  # the fourth role, the amount: (none)
        display.screenshot(os.path.join(self.SCREENSHOTS, "dialog-no-amount-en-US.png"))
        display.keys("alt+b")
        self.assertTrue(display.wait_for_window("^Build KPI Sheet$", present=False), "the dialog stayed open")
        labels = [row[0] for row in cells(doc, "KPI", "A1:A40")]
        self.assertIn("Customers", labels)
        self.assertNotIn("Revenue", labels, "the amount column was used although the user removed it")

    def test_indonesian_menu_builds_the_sheet_and_a_workbook_without_tables_gets_a_message(self):
        self.language = "id"
        display, office, _ = self.build_through_the_menu("Buat Lembar KPI", "Buat Lembar KPI\u2026")
        empty = self.open_calc(display, office, with_orders=False)
        self.language = "id-no-table"
        self.choose_build_kpi_sheet(display)
        self.assertTrue(display.wait_for_window("^KPI Functions$"), "no message box")
        shot = display.screenshot(os.path.join(self.SCREENSHOTS, "no-table-id.png"))
        print(shot, end=" ")
        display.keys("Return")
        self.assertTrue(display.wait_for_window("^KPI Functions$", present=False), "the message box stayed")
        self.assertFalse(display.windows(f"^Buat Lembar KPI$"), "the dialog opened without a table")
        self.assertEqual(len(sheet_names(empty)), 1, "a sheet was written")


if __name__ == "__main__":
    main()
