// The core alone, without LibreOffice: the cohort matrix and the period table over the orders of a CSV file
// (customer_id,date_serial,amount,order_id,...), as `./kpi bench` generates it and pandas reads it in the
// same run. The timed work starts from the raw cells: IDs are interned (normalised) and the table computed.
#include <kpi/ids.hpp>
#include <kpi/raw_data.hpp>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

struct orders
{
    std::vector<std::string> customers;
    std::vector<double> dates;
    std::vector<double> amounts;
    std::vector<std::string> order_ids;
};

orders load(const char* path)
{
    orders out;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        const auto first = line.find(','), second = line.find(',', first + 1),
                   third = line.find(',', second + 1);
        out.customers.push_back(line.substr(0, first));
        out.dates.push_back(std::strtod(line.c_str() + first + 1, nullptr));
        out.amounts.push_back(std::strtod(line.c_str() + second + 1, nullptr));
        out.order_ids.push_back(third == std::string::npos
                                    ? std::string()
                                    : line.substr(third + 1, line.find(',', third + 1) - third - 1));
    }
    return out;
}

const orders& data()
{
    static const orders loaded = [] {
        const char* path = std::getenv("KPI_BENCH_ORDERS");
        if (!path) {
            std::cerr << "set KPI_BENCH_ORDERS to the orders CSV (./kpi bench does)\n";
            std::exit(2);
        }
        return load(path);
    }();
    return loaded;
}

void cohort(benchmark::State& state, kpi::cohort_measure measure)
{
    const orders& o = data();
    for (auto _ : state) {
        kpi::id_table table;
        std::vector<std::uint32_t> ids;
        ids.reserve(o.customers.size());
        for (const auto& c : o.customers)
            ids.push_back(table.add_utf8(c));
        auto matrix = kpi::cohort_matrix(ids, o.dates, table.size(), kpi::period_grain::month, measure,
                                         o.amounts, {1899, 12, 30});
        benchmark::DoNotOptimize(matrix);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(o.customers.size()));
}

/// The month table with amounts and order IDs: both ID columns interned, as the add-in does per call.
void BM_PeriodTableByMonth(benchmark::State& state)
{
    const orders& o = data();
    for (auto _ : state) {
        kpi::id_table customer_table, order_table;
        std::vector<std::uint32_t> ids, order_ids;
        ids.reserve(o.customers.size());
        order_ids.reserve(o.order_ids.size());
        for (const auto& c : o.customers)
            ids.push_back(customer_table.add_utf8(c));
        for (const auto& order : o.order_ids)
            order_ids.push_back(order_table.add_utf8(order));
        auto table =
            kpi::period_table(ids, o.dates, customer_table.size(), kpi::period_grain::month, o.amounts,
                              kpi::order_column{order_ids, order_table.size()}, {1899, 12, 30});
        benchmark::DoNotOptimize(table);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(o.customers.size()));
}

void BM_CohortRetentionByMonth(benchmark::State& state)
{
    cohort(state, kpi::cohort_measure::retention);
}
void BM_CohortRevenueByMonth(benchmark::State& state)
{
    cohort(state, kpi::cohort_measure::revenue);
}

} // namespace

BENCHMARK(BM_CohortRetentionByMonth)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_CohortRevenueByMonth)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_PeriodTableByMonth)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_MAIN();
