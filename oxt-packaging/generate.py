#!/usr/bin/env python3
"""Generates what the one function table (addin/functions.toml) describes, and checks it.

  generate.py idl TABLE OUT            XKpiFunctions.idl: the add-in's UNO interface (OUT is rewritten only
                                       when its text changes, so that a description edit recompiles nothing)
  generate.py xcu TABLE OUT            CalcAddIns.xcu: Function Wizard names, descriptions, categories
  generate.py reference TABLE OUT      the Markdown function reference (docs/functions.md)
  generate.py reference-id TABLE OUT   the Indonesian function reference (docs/functions.id.md)
  generate.py summary TABLE OUT        the README's table of functions
  generate.py summary-id TABLE OUT     README.id.md's table of functions, in Indonesian
  generate.py argument-names TABLE OUT C++ source of every argument's English and Indonesian name, for the
                                       core's messages (rewritten only when its text changes)
  generate.py readme TABLE README      rewrites the README's table of functions in place (./kpi docs)
  generate.py readme-id TABLE README   rewrites README.id.md's table of functions in place (./kpi docs)
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
        for key in ("name", "method", "category", "en", "id", "errors", "errors_id", "example"):
            if not row.get(key):
                raise TableError(f"{where}: missing '{key}'")
        for key, other in (("notes", "notes_id"), ("notes_id", "notes")):
            if row.get(key) and not row.get(other):
                raise TableError(f"{where}: '{key}' without '{other}'")
        # `;` separates arguments in every Calc; a `,` would be a decimal comma in an Indonesian one
        if any("," in part for part in row["example"].get("formula", "").split('"')[::2]):
            raise TableError(f"{where}: the example separates with ';' and has no ','")
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


def outside_strings(formula, change):
    """The formula with `change` applied to its parts outside "…" strings."""
    parts = formula.split('"')
    return '"'.join(change(p) if i % 2 == 0 else p for i, p in enumerate(parts))


def decimal_comma(text):
    """A formula or a result as a Calc with a decimal comma (Indonesian) reads it: 0.75 -> 0,75. Only numbers
    change (KPI.CLV keeps its dot, "1.0.0" in quotes too); `;` separates arguments in both conventions, and the
    table's examples use no `,` (load() refuses one)."""
    return outside_strings(text, lambda part: re.sub(r"(?<![\w.])(\d+)\.(\d+)(?![\w.])", r"\1,\2", part))


# The words of each language's reference, README table and the notes on numbers.
WORDS = {
    "en": {
        "title": "# KPI Functions — function reference",
        "other": "Indonesian: [functions.id.md](functions.id.md)",
        "intro": ["Generated from `addin/functions.toml`. Arguments are separated by `;`, which every Calc accepts.",
                  "Numbers are written with a decimal point, as in an English Calc. In a Calc set to a locale with a",
                  "decimal comma (Indonesian, German …: Tools ▸ Options ▸ Language Settings ▸ Languages ▸ Locale",
                  "setting) type `0,75` for `0.75`; each example with a decimal number shows that form too. A rate",
                  "is computed as a number such as 0.15 and shows as 15% in a cell formatted as percent."],
        "every": "Every function:", "what": "what it computes", "function": "function", "example": "example",
        "argument": "argument", "meaning": "meaning", "optional": " (optional)",
        "errors": "Errors:", "notes": "Notes:", "example_label": "Example:", "gives": "gives",
        "other_form": "with a decimal comma", "docs": "docs/functions.md",
        "cells": "**Cells to select** for the array formula (select them, type the formula, press "
                 "Ctrl+Shift+Enter).",
    },
    "id": {
        "title": "# KPI Functions — referensi fungsi",
        "other": "English: [functions.md](functions.md)",
        "intro": ["Dibuat dari `addin/functions.toml`, tabel yang sama dengan referensi bahasa Inggris. Argumen",
                  "dipisahkan dengan `;`, yang diterima setiap Calc. Angka ditulis dengan koma desimal, seperti di",
                  "Calc berlokal Indonesia; di Calc dengan titik desimal (lokal Inggris) ketik `0.75` untuk `0,75`:",
                  "setiap contoh berdesimal juga menampilkan bentuk itu. Tingkat dan rasio dihitung sebagai angka",
                  "seperti 0,15 dan tampil sebagai 15% di sel yang diformat persen. LibreOffice berbahasa Indonesia",
                  "menampilkan galat bernomor sebagai `Galat:502` (dalam bahasa Inggris `Err:502`)."],
        "every": "Setiap fungsi:", "what": "yang dihitung", "function": "fungsi", "example": "contoh",
        "argument": "argumen", "meaning": "arti", "optional": " (opsional)",
        "errors": "Kemungkinan galat:", "notes": "Catatan:", "example_label": "Contoh:", "gives": "menghasilkan",
        "other_form": "dengan titik desimal", "docs": "docs/functions.id.md",
        "cells": "**Sel yang dipilih** untuk rumus larik (pilih sel-selnya, ketik rumusnya, tekan "
                 "Ctrl+Shift+Enter).",
    },
}


def text(row, key, language):
    """A field in the language: `key` for English, `key_id` (or `id` for the description) for Indonesian."""
    if language == "en":
        return row.get(key, "")
    return row["id"] if key == "en" else row.get(f"{key}_id", "")


def signature(f, language="en"):
    """KPI.CSAT(scores; [threshold]; [scale_max]), with the argument names of the language."""
    name = "en_name" if language == "en" else "id_name"
    args = [f"[{a[name]}]" if a.get("optional") else a[name] for a in f.get("argument", [])]
    return f'{f["name"]}({"; ".join(args)})'


def example_in(f, language):
    """(formula, result, the formula in the other convention or None) as the language's Calc writes them."""
    formula, result = f["example"]["formula"], f["example"]["result"]
    comma_formula = decimal_comma(formula)
    comma_result = result if f["returns"] == "text" else decimal_comma(result)
    if language == "en":
        return formula, result, (comma_formula if comma_formula != formula else None)
    return comma_formula, comma_result, (formula if comma_formula != formula else None)


def reference(functions, language="en"):
    w = WORDS[language]
    shared = functions[0]["internal_error"][language]
    out = [w["title"], "", w["other"], "", *w["intro"], "",
           f'**{w["every"]}** {shared}', "",
           f'| {w["function"]} | {w["what"]} |', "|---|---|"]
    for f in functions:
        anchor = f["name"].lower().replace(".", "")
        out.append(f'| [{f["name"]}](#{anchor}) | {cell(text(f, "en", language))} |')
    for f in functions:
        args = f.get("argument", [])
        out += ["", f'## {f["name"]}', "", f'`{signature(f, language)}`', "", text(f, "en", language), ""]
        if f.get("array_size"):
            out += [f'{w["cells"]} {f["array_size"][language]}', ""]
        if args:
            name = "en_name" if language == "en" else "id_name"
            out += [f'| {w["argument"]} | {w["meaning"]} |', "|---|---|"]
            out += [f'| `{a[name]}`{w["optional"] if a.get("optional") else ""} | {cell(text(a, "en", language))} |'
                    for a in args]
            out.append("")
        errors = text(f, "errors", language)
        if f.get("range_errors"):  # the table's shared sentence
            errors += " " + f["range_errors"][language]
        out += [f'**{w["errors"]}** {errors}', ""]
        if f.get("notes"):
            out += [f'**{w["notes"]}** {text(f, "notes", language)}', ""]
        formula, result, other = example_in(f, language)
        line = f'**{w["example_label"]}** `{formula}` {w["gives"]} `{result}`'
        out.append(line + (f' ({w["other_form"]}: `{other}`).' if other else "."))
    return "\n".join(out) + "\n"


README_BEGIN = "<!-- functions:begin (generated from addin/functions.toml: ./kpi docs) -->"
README_END = "<!-- functions:end -->"


def summary(functions, language="en"):
    w = WORDS[language]
    out = [f'| {w["function"]} | {w["what"]} | {w["example"]} |', "|---|---|---|"]
    for f in functions:
        anchor = f["name"].lower().replace(".", "")
        formula, result, _ = example_in(f, language)
        example = f"`{formula}` → {result}"
        out.append(f'| [`{signature(f, language)}`]({w["docs"]}#{anchor}) | {cell(text(f, "en", language))} '
                   f'| {cell(example)} |')
    return "\n".join(out) + "\n"


def readme_with_summary(readme, functions, language="en"):
    begin, end = readme.index(README_BEGIN), readme.index(README_END)
    return readme[:begin] + README_BEGIN + "\n" + summary(functions, language) + readme[end:]


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
        elif command in ("reference", "reference-id"):
            write(argv[3], reference(functions, "id" if command.endswith("-id") else "en"))
        elif command in ("summary", "summary-id"):
            write(argv[3], summary(functions, "id" if command.endswith("-id") else "en"))
        elif command == "argument-names":
            write(argv[3], argument_names(functions), only_if_changed=True)
        elif command in ("readme", "readme-id"):
            with open(argv[3], encoding="utf-8") as f:
                readme = f.read()
            write(argv[3], readme_with_summary(readme, functions, "id" if command.endswith("-id") else "en"))
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
