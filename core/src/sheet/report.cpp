#include "kpi/sheet/report.hpp"

#include <boost/json.hpp>

namespace kpi::sheet {

namespace {

std::string range_text(std::size_t first_row, std::size_t first_column, std::size_t last_row,
                       std::size_t last_column)
{
    return column_letters(first_column) + std::to_string(first_row + 1) + ":" + column_letters(last_column) +
           std::to_string(last_row + 1);
}

boost::json::object table_json(const std::vector<table>& tables, std::size_t index)
{
    const table& t = tables[index];
    boost::json::object columns;
    for (const auto& c : t.columns)
        columns[to_string(c.role)] = {{"column", column_letters(c.column)}, {"header", c.header}};
    return {{"name", table_name(tables, index)},
            {"sheet", t.sheet_name},
            {"range", range_text(t.first_row, t.first_column, t.last_row, t.last_column)},
            {"header_row", t.header_row + 1},
            {"rows", t.row_count()},
            {"kind", to_string(t.kind)},
            {"currency", t.currency},
            {"total_row", t.total_row},
            {"columns", std::move(columns)}};
}

boost::json::object warning_json(const warning& w)
{
    return {
        {"sheet", w.sheet}, {"column", w.column}, {"code", w.code}, {"rows", w.rows}, {"message", w.message}};
}

} // namespace

std::string report_json(const std::vector<table>& tables, const sheet_plan* plan,
                        const std::vector<shown_value>& values)
{
    boost::json::object report;
    report["sheet"] = plan ? boost::json::value(plan->sheet_name) : boost::json::value(nullptr);
    boost::json::array table_list;
    for (std::size_t i = 0; i < tables.size(); ++i)
        table_list.push_back(table_json(tables, i));
    report["tables"] = std::move(table_list);

    boost::json::array kpis;
    boost::json::array warnings;
    if (plan) {
        for (std::size_t i = 0; i < plan->kpis.size(); ++i) {
            const plan_kpi& k = plan->kpis[i];
            boost::json::value value = nullptr;
            if (i < values.size()) {
                if (const double* number = std::get_if<double>(&values[i]))
                    value = *number;
                else
                    value = std::get<std::string>(values[i]);
            }
            kpis.push_back(boost::json::object{
                {"id", k.id},
                {"label", k.label},
                {"cell", absolute_range(plan->sheet_name, k.row, k.column, k.row, k.column)},
                {"formula", k.formula},
                {"value", std::move(value)}});
        }
        for (const warning& w : plan->warnings)
            warnings.push_back(warning_json(w));
    } else {
        for (const table& t : tables)
            for (const warning& w : t.warnings)
                warnings.push_back(warning_json(w));
    }
    report["kpis"] = std::move(kpis);
    if (plan && plan->periods) {
        const plan_periods& p = *plan->periods;
        boost::json::array ids;
        for (const auto& id : p.column_ids)
            ids.emplace_back(id);
        report["periods"] = {
            {"range", absolute_range(plan->sheet_name, p.first_row, p.first_column, p.first_row + p.rows - 1,
                                     p.first_column + p.column_ids.size() - 1)},
            {"grain", std::array<std::string_view, 5>{"day", "week", "month", "quarter",
                                                      "year"}[static_cast<std::size_t>(p.grain)]},
            {"rows", p.rows},
            {"columns", std::move(ids)}};
    } else {
        report["periods"] = nullptr;
    }
    report["warnings"] = std::move(warnings);
    return boost::json::serialize(report);
}

} // namespace kpi::sheet
