// The Build KPI Sheet dialog's state without an office: the detect report read, the user's choices turned
// into the service's Override options.
#include "build_dialog_state.hxx"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

using namespace kpi::menu;

namespace {

// A detect report as org.kpifunctions.SheetBuilder writes it (core/src/sheet/report.cpp).
constexpr char report[] = R"json({
  "sheet": null,
  "tables": [
    {"name": "Orders", "sheet": "Orders", "range": "A2:E101", "header_row": 1, "rows": 100, "kind": "orders",
     "currency": "Rp", "total_row": false,
     "columns": {"customer": {"column": "B", "header": "Username (Pembeli)"},
                 "date": {"column": "A", "header": "Tanggal Pesanan"},
                 "amount": {"column": "E", "header": "Total Pembayaran (Rp)"}}},
    {"name": "Orders#2", "sheet": "Orders", "range": "H4:I9", "kind": "unknown", "columns": {}}
  ],
  "kpis": [],
  "periods": null,
  "warnings": [{"sheet": "Orders", "column": "E", "code": "text_amounts", "rows": 12,
                "message": "column E holds 12 amounts stored as text"}]
})json";

const detected_table& orders(const detection& d)
{
    return d.tables.at(0);
}

} // namespace

TEST(ParseDetection, ReadsTablesColumnsAndWarnings)
{
    const detection d = parse_detection(report);
    ASSERT_EQ(d.tables.size(), 2u);
    EXPECT_EQ(orders(d).name, "Orders");
    EXPECT_EQ(orders(d).sheet, "Orders");
    EXPECT_EQ(orders(d).range, "A2:E101");
    EXPECT_EQ(orders(d).kind, "orders");
    EXPECT_EQ(orders(d).header_row, 1u);
    EXPECT_EQ(orders(d).rows, 100u);
    ASSERT_NE(orders(d).find("customer"), nullptr);
    EXPECT_EQ(orders(d).find("customer")->letters, "B");
    EXPECT_EQ(orders(d).find("customer")->header, "Username (Pembeli)");
    EXPECT_EQ(orders(d).find("order"), nullptr);
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].column, "E");
    EXPECT_EQ(d.warnings[0].code, "text_amounts");
    EXPECT_EQ(d.warnings[0].rows, 12u);
}

TEST(ParseDetection, TakesHeaderRowAndRowCountFromTheRangeWhenTheReportOmitsThem)
{
    const detection d = parse_detection(report);
    EXPECT_EQ(d.tables[1].header_row, 3u);
    EXPECT_EQ(d.tables[1].rows, 6u);
}

TEST(ParseDetection, RejectsTextThatIsNotAReport)
{
    EXPECT_THROW((void)parse_detection("not json"), std::runtime_error);
    EXPECT_THROW((void)parse_detection("[]"), std::runtime_error);
    EXPECT_THROW((void)parse_detection(R"({"sheet": null})"), std::runtime_error);
}

TEST(BuiltSheet, IsTheReportsSheetName)
{
    EXPECT_EQ(built_sheet(R"({"sheet": "KPI 2", "tables": []})"), "KPI 2");
    EXPECT_EQ(built_sheet(report), "");
}

TEST(KindRoles, AreTheCoresRequiredRolesFirst)
{
    EXPECT_EQ(kind_roles("orders"), (std::vector<std::string>{"customer", "date", "order", "amount"}));
    EXPECT_EQ(kind_roles("campaigns").size(), 7u);
    EXPECT_TRUE(kind_roles("unknown").empty());
    EXPECT_TRUE(kind_roles("invoices").empty());
    EXPECT_TRUE(is_optional_role("orders", "order"));
    EXPECT_FALSE(is_optional_role("orders", "customer"));
    EXPECT_FALSE(is_optional_role("orders", "score"));
}

TEST(OfferedKinds, AreTheKindListOfTheDialogInItsOrder)
{
    // KindList in oxt-packaging/dialogs/BuildSheet.xdl: "(not used)", then these (check_oxt.py checks the
    // file)
    EXPECT_EQ(offered_kinds(), (std::vector<std::string>{"orders", "leads", "campaigns", "sessions",
                                                         "traffic", "survey", "targets"}));
}

TEST(KindRoles, NoKindHasMoreRolesThanTheDialogHasRows)
{
    for (const std::string& kind : offered_kinds())
        EXPECT_LE(kind_roles(kind).size(), 7u) << kind; // RoleList1 ... RoleList7 in BuildSheet.xdl
}

TEST(ParseRange, ReadsCornersAsZeroBasedCells)
{
    const auto span = parse_range("B2:AA101");
    ASSERT_TRUE(span.has_value());
    EXPECT_EQ(span->first_column, 1u);
    EXPECT_EQ(span->first_row, 1u);
    EXPECT_EQ(span->last_column, 26u);
    EXPECT_EQ(span->last_row, 100u);
    EXPECT_TRUE(parse_range("$A$1:$C$3").has_value());
    EXPECT_FALSE(parse_range("Orders.A1:C3").has_value());
    EXPECT_FALSE(parse_range("C3:A1").has_value());
    EXPECT_FALSE(parse_range("A0:B2").has_value());
}

TEST(ColumnLetters, CountLikeCalc)
{
    EXPECT_EQ(column_letters(0), "A");
    EXPECT_EQ(column_letters(25), "Z");
    EXPECT_EQ(column_letters(26), "AA");
    EXPECT_EQ(column_letters(701), "ZZ");
    EXPECT_EQ(column_letters(702), "AAA");
}

TEST(Overrides, NoneWhenTheUserKeepsTheDetection)
{
    const detection d = parse_detection(report);
    EXPECT_TRUE(overrides(orders(d), detected_choice(orders(d))).empty());
    EXPECT_TRUE(overrides(d.tables[1], detected_choice(d.tables[1])).empty());
}

TEST(Overrides, NameEachChangedColumnAndEachRemovedRole)
{
    const detection d = parse_detection(report);
    table_choice choice = detected_choice(orders(d));
    choice.columns["amount"] = "D";
    choice.columns["order"] = "C";
    choice.columns["date"] = "";
    EXPECT_EQ(overrides(orders(d), choice),
              (std::vector<std::string>{"Orders.date=none", "Orders.order=C", "Orders.amount=D"}));
}

TEST(Overrides, AChangedKindStatesEveryRoleOfTheNewKind)
{
    const detection d = parse_detection(report);
    const table_choice choice = choice_for_kind(orders(d), "leads");
    EXPECT_EQ(choice.columns.at("date"), "A"); // a date stays a date
    EXPECT_EQ(choice.columns.at("lead"), "");
    EXPECT_EQ(overrides(orders(d), choice),
              (std::vector<std::string>{"Orders.kind=leads", "Orders.lead=none", "Orders.date=A",
                                        "Orders.status=none"}));
}

TEST(Overrides, NotUsedIsKindNone)
{
    const detection d = parse_detection(report);
    EXPECT_EQ(overrides(orders(d), table_choice{}), (std::vector<std::string>{"Orders.kind=none"}));
    const table_choice survey = choice_for_kind(d.tables[1], "survey");
    EXPECT_EQ(overrides(d.tables[1], survey),
              (std::vector<std::string>{"Orders#2.kind=survey", "Orders#2.score=none"}));
}
