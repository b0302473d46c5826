#!/usr/bin/env python3
"""Generates what the one function table (addin/functions.toml) describes, and checks it.

  generate.py idl TABLE OUT            XKpiFunctions.idl: the add-in's UNO interface (OUT is rewritten only
                                       when its text changes, so that a description edit recompiles nothing)
  generate.py xcu TABLE OUT            CalcAddIns.xcu: Function Wizard names, descriptions, categories
  generate.py reference TABLE OUT      the Markdown function reference
  generate.py summary TABLE OUT        the README's table of functions
  generate.py argument-names TABLE OUT C++ source of every argument's English and Indonesian name, for the
                                       core's messages (rewritten only when its text changes)
  generate.py readme TABLE README      rewrites the README's table of functions in place (./kpi docs)
  generate.py check-idl TABLE UNOIDL_READ RDB...
                                       compare the table with the compiled IDL (methods, parameters)

Every command first validates the table and stops with a message naming the row when it is incomplete.
"""
import os
import re
import subprocess
import sys
import tomllib
from xml.sax.saxutils import escape

SERVICE = "KPI"
LANGUAGES = ("en-US", "id")
# The IDL type of each kind of result (the table's `returns`; number when left out).
RETURN_TYPES = {"number": "double", "array": "sequence< sequence< any > >", "text": "string"}
# The Function Wizard labels every `any` argument "(optional)", required ones too (Calc cannot tell them
# apart): the description of a required argument starts with these words, generated from the table's
# `optional`; an optional argument's own text starts with "Optional." / "Opsional." (checked by load).
REQUIRED_PREFIX = {"en-US": "Required. ", "id": "Wajib diisi. "}
OPTIONAL_WORD = {"en": "Optional", "id": "Opsional"}
CATEGORIES = {"Database", "Date&Time", "Financial", "Information", "Logical", "Mathematical", "Matrix",
              "Statistical", "Spreadsheet", "Text", "Add-In"}


class TableError(Exception):
    pass


def method_for(name):
    """KPI.ROI -> roi; KPI.CONVERSION.CI -> CONVERSION_CI (see the table's header)."""
    parts = name.split(".")[1:]
    return parts[0].lower() if len(parts) == 1 else "_".join(parts).upper()


def load(path):
    with open(path, "rb") as f:
        table = tomllib.load(f)
    functions = table.get("function", [])
    if not functions:
        raise TableError(f"{path}: no [[function]] rows")
    range_errors = table.get("range_errors", {})
    for key in ("en", "id"):
        if not range_errors.get(key):
            raise TableError(f"{path}: [range_errors] misses '{key}'")
    internal_error = table.get("internal_error", {})
    for key in ("en", "id"):
        if not internal_error.get(key):
            raise TableError(f"{path}: [internal_error] misses '{key}'")
    seen = set()
    for row in functions:
        name = row.get("name", "?")
        where = f"{path}: {name}"
        for key in ("name", "method", "category", "en", "id", "errors", "example"):
            if not row.get(key):
                raise TableError(f"{where}: missing '{key}'")
        if not re.fullmatch(r"KPI(\.[A-Z0-9]+){1,2}", name):
            raise TableError(f"{where}: a name is KPI.<NAME> or KPI.<NAME>.<NAME> in capitals")
        if row["method"] != method_for(name):
            raise TableError(f"{where}: method must be '{method_for(name)}', not '{row['method']}'")
        if row["category"] not in CATEGORIES:
            raise TableError(f"{where}: category '{row['category']}' is not one of Calc's")
        if name in seen:
            raise TableError(f"{where}: listed twice")
        seen.add(name)
        if row.setdefault("returns", "number") not in RETURN_TYPES:
            raise TableError(f"{where}: returns '{row['returns']}' is not one of {', '.join(RETURN_TYPES)}")
        if row.setdefault("document", False) not in (True, False):
            raise TableError(f"{where}: document is true or false")
        # An array function says the cells to select: a smaller selection hides part of the result silently.
        if row["returns"] == "array":
            size = row.get("array_size")
            if not isinstance(size, dict) or not size.get("en") or not size.get("id"):
                raise TableError(f"{where}: an array function needs array_size = {{ en = ..., id = ... }}")
        elif "array_size" in row:
            raise TableError(f"{where}: array_size is only for returns = \"array\"")
        for arg in row.get("argument", []):
            for key in ("name", "en_name", "id_name", "en", "id"):
                if not arg.get(key):
                    raise TableError(f"{where}: argument {arg.get('name', '?')} misses '{key}'")
            # unoidl-write takes an underscore only in a name that starts with a capital (table header)
            if not re.fullmatch(r"[a-z][A-Za-z0-9]*", arg["name"]):
                raise TableError(f"{where}: argument {arg['name']} is not a camelCase IDL name")
            for key, word in OPTIONAL_WORD.items():
                says_optional = arg[key].startswith(word)
                if arg.get("optional") and not says_optional:
                    raise TableError(f"{where}: optional argument {arg['name']}: '{key}' must start with '{word}'")
                if not arg.get("optional") and (says_optional or arg[key].startswith(
                        tuple(p.strip(". ") for p in REQUIRED_PREFIX.values()))):
                    raise TableError(f"{where}: required argument {arg['name']}: '{key}' must not start with "
                                     f"'{word}' or the generated '{REQUIRED_PREFIX['en-US'].strip()}' / "
                                     f"'{REQUIRED_PREFIX['id'].strip()}'")
        if row.get("argument"):  # every argument takes a range, which may hold an error cell
            row["range_errors"] = range_errors
        row["internal_error"] = internal_error  # every function, once in the reference's introduction
    return functions


def cell(text):
    """Text for a Markdown table cell: a "|" would end the cell."""
    return text.replace("|", "\\|")


def signature(f):
    args = [f"[{a['en_name']}]" if a.get("optional") else a["en_name"] for a in f.get("argument", [])]
    return f'{f["name"]}({"; ".join(args)})'


IDL_HEADER = """\
// Generated from addin/functions.toml by oxt-packaging/generate.py. Do not edit.
//
// The UNO interface of the add-in service "KPI". Calc calls these methods by name through introspection
// and matches the Function Wizard's argument descriptions (CalcAddIns.xcu) to these parameter names; it
// stores a formula as KPI.<METHOD>, so a method name never changes once released.
//
// Every argument is `any`: a number, a cell, a range or an inline array (the spec's "N"), or, left out or
// left empty, void. Array results are sequence<sequence<any>>: an element may be a number, an error value
// or empty. A first parameter of type XPropertySet is hidden from the user: Calc passes the document,
// whose NullDate turns date serial numbers into calendar dates.

module org { module kpifunctions {

interface XKpiFunctions : com::sun::star::uno::XInterface
{
"""


def idl(functions):
    """The add-in's interface, one method per row in the table's order (the order of the C++ vtable)."""
    out = [IDL_HEADER]
    for f in functions:
        params = ["[in] com::sun::star::beans::XPropertySet document"] if f["document"] else []
        params += [f"[in] any {a['name']}" for a in f.get("argument", [])]
        out.append(f'    {RETURN_TYPES[f["returns"]]} {f["method"]}({", ".join(params)});  // {f["name"]}\n')
    out.append("};\n\n}; };\n")
    return "".join(out)


def localized(values):
    return "".join(f'<value xml:lang="{lang}">{escape(text)}</value>' for lang, text in values)


def wizard_description(argument, language):
    """An argument's description as the Function Wizard shows it: a required one's starts with "Required." """
    text = argument["en" if language == "en-US" else "id"]
    return text if argument.get("optional") else REQUIRED_PREFIX[language] + text


def xcu(functions):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!-- Generated from addin/functions.toml by oxt-packaging/generate.py. Do not edit. -->',
           '<oor:component-data xmlns:oor="http://openoffice.org/2001/registry"'
           ' xmlns:xs="http://www.w3.org/2001/XMLSchema" oor:name="CalcAddIns" oor:package="org.openoffice.Office">',
           ' <node oor:name="AddInInfo">',
           f'  <node oor:name="{SERVICE}" oor:op="replace">',
           '   <node oor:name="AddInFunctions">']
    for f in functions:
        out += [f'    <node oor:name="{f["method"]}" oor:op="replace">',
                # The display name is KPI.<NAME> in every language; the en-US CompatibilityName makes it
                # the English name Calc uses for formula input (setFormula) whatever the UI language.
                f'     <prop oor:name="DisplayName">{localized((l, f["name"]) for l in LANGUAGES)}</prop>',
                f'     <prop oor:name="Description">{localized([("en-US", f["en"]), ("id", f["id"])])}</prop>',
                f'     <prop oor:name="Category"><value>{escape(f["category"])}</value></prop>',
                f'     <prop oor:name="CompatibilityName">{localized([("en-US", f["name"])])}</prop>',
                '     <node oor:name="Parameters">']
        for a in f.get("argument", []):
            out += [f'      <node oor:name="{a["name"]}" oor:op="replace">',
                    f'       <prop oor:name="DisplayName">'
                    f'{localized([("en-US", a["en_name"]), ("id", a["id_name"])])}</prop>',
                    f'       <prop oor:name="Description">'
                    f'{localized((l, wizard_description(a, l)) for l in LANGUAGES)}</prop>',
                    '      </node>']
        out += ['     </node>', '    </node>']
    out += ['   </node>', '  </node>', ' </node>', '</oor:component-data>', '']
    return "\n".join(out)


def reference(functions):
    out = ["# KPI Functions — function reference", "",
           "Generated from `addin/functions.toml`. Arguments are separated by `;` as in Calc's English",
           "formula syntax. Rates are fractions: format the cell as a percentage.", "",
           f'**Every function:** {functions[0]["internal_error"]["en"]} '
           f'*Indonesia:* {functions[0]["internal_error"]["id"]}', "",
           "| function | what it computes |", "|---|---|"]
    for f in functions:
        anchor = f["name"].lower().replace(".", "")
        out.append(f'| [{f["name"]}](#{anchor}) | {cell(f["en"])} |')
    for f in functions:
        args = f.get("argument", [])
        out += ["", f'## {f["name"]}', "",
                f'`{signature(f)}`', "", f["en"], "",
                f'*Indonesia:* {f["id"]}', ""]
        if f.get("array_size"):
            out += [f'**Cells to select** for the array formula (select them, type the formula, press '
                    f'Ctrl+Shift+Enter). {f["array_size"]["en"]} *Indonesia:* {f["array_size"]["id"]}', ""]
        if args:
            out += ["| argument | meaning |", "|---|---|"]
            out += [f'| `{a["en_name"]}`{" (optional)" if a.get("optional") else ""} | {cell(a["en"])} |' for a in args]
            out.append("")
        errors = f["errors"]
        if f.get("range_errors"):  # the table's shared sentence, in both languages
            errors += f' {f["range_errors"]["en"]} *Indonesia:* {f["range_errors"]["id"]}'
        out += [f'**Errors:** {errors}', "",
                f'**Example:** `{f["example"]["formula"]}` gives `{f["example"]["result"]}`.']
    return "\n".join(out) + "\n"


README_BEGIN = "<!-- functions:begin (generated from addin/functions.toml: ./kpi docs) -->"
README_END = "<!-- functions:end -->"


def summary(functions):
    out = ["| function | what it computes | example |", "|---|---|---|"]
    for f in functions:
        anchor = f["name"].lower().replace(".", "")
        example = f'`{f["example"]["formula"]}` → {f["example"]["result"]}'
        out.append(f'| [`{signature(f)}`](docs/functions.md#{anchor}) | {cell(f["en"])} | {cell(example)} |')
    return "\n".join(out) + "\n"


def readme_with_summary(readme, functions):
    begin, end = readme.index(README_BEGIN), readme.index(README_END)
    return readme[:begin] + README_BEGIN + "\n" + summary(functions) + readme[end:]


def cpp_string(text):
    """A C++ string literal of UTF-8 text."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def argument_names(functions):
    """core's table of argument names: the messages name an argument in English as the core does (en_name)
    and in Indonesian by its id_name (core/src/argument_names.hpp)."""
    rows = [f"    {{{cpp_string(f['name'])}, {cpp_string(a['en_name'])}, {cpp_string(a['id_name'])}}},"
            for f in functions for a in f.get("argument", [])]
    return ("// Generated from addin/functions.toml by oxt-packaging/generate.py argument-names: do not edit.\n"
            '#include "argument_names.hpp"\n\n'
            "namespace kpi::detail {\n\n"
            "namespace {\n\n"
            "constexpr argument_name names[] = {\n" + "\n".join(rows) + "\n};\n\n"
            "} // namespace\n\n"
            "std::span<const argument_name> argument_names() noexcept\n{\n    return names;\n}\n\n"
            "} // namespace kpi::detail\n")


def idl_methods(unoidl_read, rdbs):
    """{method: [parameter names]} of the interface XKpiFunctions in the compiled registry."""
    text = subprocess.run([unoidl_read, *rdbs], check=True, capture_output=True, text=True).stdout
    body = re.search(r"interface XKpiFunctions \{(.*?)\n\s*\};", text, re.S)
    if not body:
        raise TableError("the registry has no interface XKpiFunctions")
    methods = {}
    for m in re.finditer(r"^\s*[\w:<>\[\] ]+? (\w+)\(([^)]*)\);", body.group(1), re.M):
        # A first XPropertySet parameter is Calc's hidden document argument: not in the table.
        params = [p.split()[-1] for p in m.group(2).split(",") if p.strip() and "XPropertySet" not in p]
        methods[m.group(1)] = params
    return methods


def check_idl(functions, methods):
    problems = []
    table = {f["method"]: [a["name"] for a in f.get("argument", [])] for f in functions}
    for method in sorted(set(methods) - set(table)):
        problems.append(f"IDL method {method} has no row in the table")
    for method in sorted(set(table) - set(methods)):
        problems.append(f"table method {method} is not in the IDL")
    for method in sorted(set(table) & set(methods)):
        if table[method] != methods[method]:
            problems.append(f"{method}: IDL parameters {methods[method]} != table arguments {table[method]}")
    return problems


def write(path, text, only_if_changed=False):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    if only_if_changed and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    command, table_path = argv[1], argv[2]
    try:
        functions = load(table_path)
        if command == "idl":
            write(argv[3], idl(functions), only_if_changed=True)
        elif command == "xcu":
            write(argv[3], xcu(functions))
        elif command == "reference":
            write(argv[3], reference(functions))
        elif command == "summary":
            write(argv[3], summary(functions))
        elif command == "argument-names":
            write(argv[3], argument_names(functions), only_if_changed=True)
        elif command == "readme":
            with open(argv[3], encoding="utf-8") as f:
                readme = f.read()
            write(argv[3], readme_with_summary(readme, functions))
        elif command == "check-idl":
            problems = check_idl(functions, idl_methods(argv[3], argv[4:]))
            for p in problems:
                print("table/IDL mismatch:", p, file=sys.stderr)
            if problems:
                return 1
            print(f"table and IDL agree: {len(functions)} functions")
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except TableError as e:
        print(f"generate.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
