// The exact text of every message of the core's message table (kpi/messages.hpp), in English and
// Indonesian, each made by a real call of the core where one can make it; and of every text of its companion
// context table, which Explain Error fills with what it finds in Calc.
#include <kpi/customer_value.hpp>
#include <kpi/experiments.hpp>
#include <kpi/ids.hpp>
#include <kpi/messages.hpp>
#include <kpi/ratios.hpp>
#include <kpi/raw_data.hpp>
#include <kpi/satisfaction.hpp>
#include <kpi/sheet/detect.hpp>
#include <kpi/sheet/plan.hpp>
#include <kpi/targets.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace {

using kpi::language;
using kpi::testing::inf;
using kpi::testing::nan;

constexpr kpi::civil_date null_date{1899, 12, 30};

/// The error of a failed call; nothing when the call succeeded (the test then fails).
template <class T> std::optional<kpi::error> error_of(const kpi::result<T>& r)
{
    if (r)
        return std::nullopt;
    return r.error();
}

/// The error in one cell of a table.
std::optional<kpi::error> cell_error(const kpi::result<kpi::grid>& g, std::size_t row, std::size_t column)
{
    if (!g || row >= g->rows || column >= g->columns || !g->at(row, column) || *g->at(row, column))
        return std::nullopt;
    return g->at(row, column)->error();
}

/// The error of one stage of a funnel.
std::optional<kpi::error> cell_error(const kpi::result<std::vector<kpi::result<double>>>& rates,
                                     std::size_t stage)
{
    if (!rates || stage >= rates->size() || (*rates)[stage])
        return std::nullopt;
    return (*rates)[stage].error();
}

/// ID columns interned into one table, of at most id_count IDs (the size the functions are told: IDs of a
/// call's columns are all below it, whichever column is interned first).
kpi::id_table table;
constexpr std::size_t id_count = 4096;
std::vector<std::uint32_t> ids(const std::vector<std::string>& cells)
{
    std::vector<std::uint32_t> out;
    for (const auto& c : cells)
        out.push_back(table.add_utf8(c));
    return out;
}

/// A CRM export of leads, as the sheet builder finds it (one table "Leads", columns A to D).
kpi::sheet::workbook leads_book()
{
    using kpi::sheet::cell;
    using kpi::sheet::cell_type;
    kpi::sheet::sheet_cells s("Leads", 9, 4);
    const char* headers[] = {"Lead ID", "Email", "Lead Status", "Created Date"};
    for (std::size_t c = 0; c < 4; ++c)
        s.at(0, c) = cell{cell_type::text, 0, headers[c]};
    for (std::size_t r = 1; r < 9; ++r) {
        s.at(r, 0) = cell{cell_type::text, 0, "L-" + std::to_string(2000 + r)};
        s.at(r, 1) = cell{cell_type::text, 0, "lead" + std::to_string(r) + "@corp.id"};
        s.at(r, 2) = cell{cell_type::text, 0, r % 2 ? "Open" : "Won"};
        s.at(r, 3) = cell{cell_type::date, 46023.0 + static_cast<double>(r), {}};
    }
    kpi::sheet::workbook book;
    book.sheets.push_back(std::move(s));
    return book;
}

struct message_case
{
    kpi::message_id id;
    std::function<std::optional<kpi::error>()> make;
    std::string message;    ///< the error's message
    std::string english;    ///< explain(error, language::en)
    std::string indonesian; ///< explain(error, language::id)
};

const std::vector<message_case>& cases()
{
    static const std::vector<message_case> all{
        {kpi::message_id::not_finite, [] { return error_of(kpi::return_on_investment(inf, 100)); },
         "KPI.ROI: gain must be a finite number (got inf)",
         "KPI.ROI: gain must be a finite number (got inf). The cell holds no usable number, such as the "
         "overflow of another formula: correct that formula or the value it refers to.",
         "KPI.ROI: hasil harus berupa bilangan terhingga (nilainya inf). Sel ini tidak berisi angka yang "
         "dapat dipakai, misalnya hasil rumus lain yang meluap: perbaiki rumus itu atau nilai yang "
         "dirujuknya."},
        {kpi::message_id::negative, [] { return error_of(kpi::return_on_investment(100, -5)); },
         "KPI.ROI: cost must not be negative (got -5)",
         "KPI.ROI: cost must not be negative (got -5). A count, an amount or a share cannot be below 0: look "
         "for a minus sign in cost, or for a refund or correction entered as a negative number.",
         "KPI.ROI: biaya tidak boleh negatif (nilainya -5). Jumlah, nominal, atau porsi tidak mungkin di "
         "bawah 0: periksa tanda minus di biaya, atau pengembalian dana atau koreksi yang dimasukkan sebagai "
         "angka negatif."},
        {kpi::message_id::not_fraction, [] { return error_of(kpi::customer_lifetime(1.5)); },
         "KPI.LIFETIME: churn_rate must be between 0 and 1 (got 1.5)",
         "KPI.LIFETIME: churn_rate must be between 0 and 1 (got 1.5). Enter it as a percentage, such as 25% "
         "or 0.25, not 25.",
         "KPI.LIFETIME: tingkat_churn harus antara 0 dan 1 (nilainya 1,5). Masukkan sebagai persentase, "
         "misalnya 25% atau 0,25, bukan 25."},
        {kpi::message_id::exceeds, [] { return error_of(kpi::conversion_rate(600, 500)); },
         "KPI.CONVERSION: conversions must not exceed leads (got 600)",
         "KPI.CONVERSION: conversions must not exceed leads (got 600). A part of leads cannot be more than "
         "leads itself: check that conversions and leads cover the same period and the same source, and that "
         "they are not swapped.",
         "KPI.CONVERSION: konversi tidak boleh melebihi prospek (nilainya 600). Bagian dari prospek "
         "tidak mungkin lebih besar daripada prospek itu sendiri: pastikan konversi dan prospek mencakup "
         "periode dan sumber data yang sama, dan keduanya tidak tertukar."},
        {kpi::message_id::zero_denominator, [] { return error_of(kpi::conversion_rate(0, 0)); },
         "KPI.CONVERSION: leads is 0",
         "KPI.CONVERSION: leads is 0. The function divides by leads: check that the cell refers to the right "
         "data, or show a blank cell until there is data, with IFERROR.",
         "KPI.CONVERSION: prospek bernilai 0. Fungsi ini membagi dengan prospek: pastikan sel merujuk ke "
         "data yang benar, atau tampilkan sel kosong sampai datanya ada, dengan IFERROR."},
        {kpi::message_id::end_before_start, [] { return error_of(kpi::pace(50, 100, 46054, 46023, 46030)); },
         "KPI.PACE: period_end must not be before period_start (got 46023)",
         "KPI.PACE: period_end must not be before period_start (got 46023). Check that the two dates are not "
         "swapped and that both are dates, not text.",
         "KPI.PACE: akhir_periode tidak boleh sebelum awal_periode (nilainya 46023). Pastikan kedua tanggal "
         "tidak tertukar dan keduanya berupa tanggal, bukan teks."},
        {kpi::message_id::result_too_large, [] { return error_of(kpi::return_on_investment(1e300, 1e-300)); },
         "KPI.ROI: result is too large to represent",
         "KPI.ROI: result is too large to represent. The inputs are hundreds of orders of magnitude apart: "
         "look for a mistyped number or a wrong unit.",
         "KPI.ROI: hasilnya terlalu besar untuk dinyatakan sebagai angka. Besaran masukannya terpaut sangat "
         "jauh: periksa apakah ada angka yang salah ketik atau satuan yang keliru."},
        {kpi::message_id::kept_exceed_start, [] { return error_of(kpi::retention_rate(100, 200, 50)); },
         "KPI.RETENTION: customers_end - new_customers must not exceed customers_start (got 150)",
         "KPI.RETENTION: customers_end - new_customers must not exceed customers_start (got 150). The "
         "customers kept (customers_end minus new_customers) cannot outnumber those at the start: check that "
         "new_customers counts every customer who joined during the period.",
         "KPI.RETENTION: pelanggan_akhir - pelanggan_baru tidak boleh melebihi pelanggan_awal (nilainya "
         "150). Pelanggan yang bertahan (pelanggan_akhir dikurangi pelanggan_baru) tidak mungkin lebih "
         "banyak daripada pelanggan di awal: pastikan pelanggan_baru menghitung semua pelanggan yang "
         "bergabung selama periode itu."},
        {kpi::message_id::not_positive, [] { return error_of(kpi::compound_growth_rate(100, 150, 0)); },
         "KPI.CAGR: periods must be positive (got 0)",
         "KPI.CAGR: periods must be positive (got 0). A compound growth rate needs a start value above 0 and "
         "a number of periods above 0: growth from 0 has no rate.",
         "KPI.CAGR: periode harus positif (nilainya 0). Laju pertumbuhan majemuk memerlukan nilai awal di "
         "atas 0 dan jumlah periode di atas 0: pertumbuhan dari 0 tidak memiliki laju."},
        {kpi::message_id::never_paid_back, [] { return error_of(kpi::payback_periods(300, -20)); },
         "KPI.PAYBACK: margin_per_period must be positive: the cost is never paid back (got -20)",
         "KPI.PAYBACK: margin_per_period must be positive: the cost is never paid back (got -20). Enter the "
         "margin one customer brings per period after costs; with a margin of 0 or less the cost is never "
         "recovered.",
         "KPI.PAYBACK: margin_per_periode harus positif: biayanya tidak pernah kembali (nilainya -20). "
         "Masukkan margin yang dihasilkan satu pelanggan per periode setelah biaya; dengan margin 0 atau "
         "kurang, biayanya tidak pernah tertutup."},
        {kpi::message_id::too_few_values,
         [] { return error_of(kpi::relative_trend(std::vector<double>{100})); },
         "KPI.TREND: values needs at least 2 numbers",
         "KPI.TREND: values needs at least 2 numbers. A trend needs two periods or more: widen the range, "
         "and check that its cells hold numbers, not text.",
         "KPI.TREND: nilai memerlukan paling sedikit 2 angka. Tren memerlukan dua periode atau lebih: "
         "perluas rentangnya, dan pastikan selnya berisi angka, bukan teks."},
        {kpi::message_id::values_too_large,
         [] {
             return error_of(kpi::relative_trend(std::vector<double>{1e308, 1e308}));
         },
         "KPI.TREND: values are too large to average",
         "KPI.TREND: values are too large to average. Their sum is beyond what a number can hold: look for a "
         "mistyped number.",
         "KPI.TREND: nilai terlalu besar untuk dirata-ratakan. Jumlahnya melampaui batas angka: periksa "
         "apakah ada angka yang salah ketik."},
        {kpi::message_id::mean_is_zero,
         [] {
             return error_of(kpi::relative_trend(std::vector<double>{-5, 5}));
         },
         "KPI.TREND: the mean of values is 0",
         "KPI.TREND: the mean of values is 0. The trend is relative to the mean, which says nothing when the "
         "values average 0: use SLOPE for the change per period instead.",
         "KPI.TREND: rata-rata nilai bernilai 0. Tren dihitung relatif terhadap rata-rata, yang tidak "
         "bermakna bila rata-rata nilainya 0: gunakan SLOPE untuk perubahan per periode."},
        {kpi::message_id::positions_spread_zero,
         [] {
             return error_of(kpi::relative_trend(std::vector<double>{1, 2}, std::vector<std::size_t>{3, 3}));
         },
         "KPI.TREND: the spread of the positions is 0",
         "KPI.TREND: the spread of the positions is 0. All values lie in one period: a trend needs values "
         "from two periods or more.",
         "KPI.TREND: sebaran posisinya bernilai 0. Semua nilai berada pada satu periode: tren memerlukan "
         "nilai dari dua periode atau lebih."},
        {kpi::message_id::positions_mismatch,
         [] {
             return error_of(kpi::relative_trend(std::vector<double>{1, 2}, std::vector<std::size_t>{0}));
         },
         "KPI.TREND: positions must be one per value (got 1)",
         "KPI.TREND: positions must be one per value (got 1). This is a fault of the extension, not of your "
         "data: please report the formula.",
         "KPI.TREND: posisi harus satu untuk setiap nilai (nilainya 1). Ini kesalahan ekstensi, bukan data "
         "Anda: mohon laporkan rumusnya."},
        {kpi::message_id::outside_period, [] { return error_of(kpi::pace(50, 100, 46023, 46053, 46060)); },
         "KPI.PACE: as_of must be inside the period (got 46060)",
         "KPI.PACE: as_of must be inside the period (got 46060). The date as_of must fall from period_start "
         "to period_end, both included: check that it is a date and that the period is the one you mean.",
         "KPI.PACE: per_tanggal harus berada di dalam periode (nilainya 46060). Tanggal per_tanggal harus "
         "berada antara awal_periode dan akhir_periode, keduanya termasuk: pastikan nilainya berupa tanggal "
         "dan periodenya memang yang dimaksud."},
        {kpi::message_id::no_days_left,
         [] { return error_of(kpi::required_per_day(50, 100, 46023, 46053, 46053)); },
         "KPI.REQUIRED: the days left after as_of is 0",
         "KPI.REQUIRED: the days left after as_of is 0. The date as_of is the last day of the period and the "
         "target is not reached: no day is left to spread the rest over.",
         "KPI.REQUIRED: sisa hari setelah per_tanggal bernilai 0. Tanggal per_tanggal adalah hari terakhir "
         "periode dan target belum tercapai: tidak ada sisa hari untuk membagi kekurangannya."},
        {kpi::message_id::discount_at_most_minus_one,
         [] { return error_of(kpi::customer_lifetime_value(100, 0.8, -1, 0, std::nullopt)); },
         "KPI.CLV: discount_rate must be greater than -1 (got -1)",
         "KPI.CLV: discount_rate must be greater than -1 (got -1). Enter the discount rate per period as a "
         "percentage, such as 10% or 0.1.",
         "KPI.CLV: tingkat_diskonto harus lebih besar dari -1 (nilainya -1). Masukkan tingkat diskonto per "
         "periode sebagai persentase, misalnya 10% atau 0,1."},
        {kpi::message_id::bad_timing,
         [] { return error_of(kpi::customer_lifetime_value(100, 0.8, 0.1, 3, std::nullopt)); },
         "KPI.CLV: timing must be 0, 1 or 2 (got 3)",
         "KPI.CLV: timing must be 0, 1 or 2 (got 3). 0: margins from the first period on; 1: a margin now as "
         "well; 2: each margin at the end of its period.",
         "KPI.CLV: waktu harus 0, 1, atau 2 (nilainya 3). 0: margin mulai periode pertama; 1: ditambah "
         "margin saat ini; 2: setiap margin di akhir periodenya."},
        {kpi::message_id::endless_value,
         [] { return error_of(kpi::customer_lifetime_value(100, 1, 0, 0, std::nullopt)); },
         "KPI.CLV: 1 + discount_rate - retention is 0",
         "KPI.CLV: 1 + discount_rate - retention is 0. With every customer kept and no discount the value "
         "never ends: enter a discount rate above 0, or the number of periods to sum.",
         "KPI.CLV: 1 + tingkat_diskonto - tingkat_retensi bernilai 0. Jika semua pelanggan bertahan dan "
         "tanpa diskonto, nilainya tidak berujung: masukkan tingkat diskonto di atas 0, atau jumlah periode "
         "yang dijumlahkan."},
        {kpi::message_id::diverging_value,
         [] { return error_of(kpi::customer_lifetime_value(100, 0.9, -0.5, 0, std::nullopt)); },
         "KPI.CLV: 1 + discount_rate - retention is negative: the value never converges",
         "KPI.CLV: 1 + discount_rate - retention is negative: the value never converges. A negative discount "
         "rate larger than the churn makes the sum endless: enter a discount rate of 0 or more, or the "
         "number of periods to sum.",
         "KPI.CLV: 1 + tingkat_diskonto - tingkat_retensi bernilai negatif: nilainya tidak pernah konvergen. "
         "Tingkat diskonto negatif yang lebih besar daripada churn membuat jumlahnya tidak berujung: "
         "masukkan tingkat diskonto 0 atau lebih, atau jumlah periode yang dijumlahkan."},
        {kpi::message_id::not_whole_periods,
         [] { return error_of(kpi::customer_lifetime_value(100, 0.8, 0.1, 0, 2.5)); },
         "KPI.CLV: periods must be a whole number of at least 1 (got 2.5)",
         "KPI.CLV: periods must be a whole number of at least 1 (got 2.5). Enter the number of periods to "
         "sum, such as 12 or 36, or leave it out for the whole lifetime.",
         "KPI.CLV: periode harus bilangan bulat paling sedikit 1 (nilainya 2,5). Masukkan jumlah periode "
         "yang dijumlahkan, misalnya 12 atau 36, atau kosongkan untuk seluruh masa hidup pelanggan."},
        {kpi::message_id::nps_score,
         [] {
             return error_of(kpi::net_promoter_score(std::vector<double>{9, 10, 11}));
         },
         "KPI.NPS: scores must be whole numbers from 0 to 10 (got 11)",
         "KPI.NPS: scores must be whole numbers from 0 to 10 (got 11). NPS counts answers on the 0 to 10 "
         "scale of “How likely are you to recommend us?”: look for answers from another scale, averages or a "
         "total row.",
         "KPI.NPS: skor harus bilangan bulat dari 0 sampai 10 (nilainya 11). NPS menghitung jawaban berskala "
         "0 sampai 10 atas pertanyaan “Seberapa besar kemungkinan Anda merekomendasikan kami?”: periksa "
         "apakah ada jawaban dari skala lain, nilai rata-rata, atau baris total."},
        {kpi::message_id::no_numbers, [] { return error_of(kpi::net_promoter_score(std::vector<double>{})); },
         "KPI.NPS: scores has no numbers",
         "KPI.NPS: scores has no numbers. The range is empty or holds only text: check that it refers to the "
         "right cells and that they hold numbers, not text.",
         "KPI.NPS: skor tidak berisi angka. Rentangnya kosong atau hanya berisi teks: pastikan rentang "
         "merujuk ke sel yang benar dan isinya angka, bukan teks."},
        {kpi::message_id::scale_below_one,
         [] {
             return error_of(kpi::customer_satisfaction(std::vector<double>{4, 5}, 1, 0.5));
         },
         "KPI.CSAT: scale_max must be at least 1 (got 0.5)",
         "KPI.CSAT: scale_max must be at least 1 (got 0.5). Enter the highest score of the survey's scale, "
         "such as 5 or 7.",
         "KPI.CSAT: skala_maks harus paling sedikit 1 (nilainya 0,5). Masukkan skor tertinggi skala survei, "
         "misalnya 5 atau 7."},
        {kpi::message_id::outside_scale,
         [] {
             return error_of(kpi::customer_satisfaction(std::vector<double>{4, 6}, 4, 5));
         },
         "KPI.CSAT: scores must be between 1 and scale_max (got 6)",
         "KPI.CSAT: scores must be between 1 and scale_max (got 6). Scores and the threshold lie on the "
         "survey's scale from 1 to scale_max: check scale_max, and look for answers from another scale or a "
         "total row.",
         "KPI.CSAT: skor harus antara 1 dan skala_maks (nilainya 6). Skor dan ambang batas berada pada skala "
         "survei dari 1 sampai skala_maks: periksa skala_maks, dan cari jawaban dari skala lain atau baris "
         "total."},
        {kpi::message_id::confidence_not_inside,
         [] { return error_of(kpi::conversion_interval(75, 500, 1)); },
         "KPI.CONVERSION.CI: confidence must be between 0 and 1, exclusive (got 1)",
         "KPI.CONVERSION.CI: confidence must be between 0 and 1, exclusive (got 1). Enter the confidence "
         "level as a percentage, such as 95% or 0.95.",
         "KPI.CONVERSION.CI: tingkat_kepercayaan harus lebih dari 0 dan kurang dari 1 (nilainya 1). Masukkan "
         "tingkat kepercayaan sebagai persentase, misalnya 95% atau 0,95."},
        {kpi::message_id::no_interval,
         [] {
             // A guard no input reaches (experiments.cpp): made as the function makes it.
             return kpi::fail(kpi::error_kind::no_result, kpi::message_id::no_interval, "KPI.CONVERSION.CI");
         },
         "KPI.CONVERSION.CI: the interval cannot be computed for these counts",
         "KPI.CONVERSION.CI: the interval cannot be computed for these counts. Look for a mistyped count.",
         "KPI.CONVERSION.CI: selangnya tidak dapat dihitung untuk jumlah ini. Periksa apakah ada jumlah yang "
         "salah ketik."},
        {kpi::message_id::no_difference, [] { return error_of(kpi::ab_test_p_value(0, 100, 0, 200)); },
         "KPI.ABTEST: both groups convert at 0 % or both at 100 %: the standard error is 0",
         "KPI.ABTEST: both groups convert at 0 % or both at 100 %: the standard error is 0. There is no "
         "difference to test yet: wait for more visitors, or check that the conversions are in the right "
         "cells.",
         "KPI.ABTEST: kedua grup berkonversi 0 % atau keduanya 100 %: galat bakunya 0. Belum ada perbedaan "
         "yang dapat diuji: tunggu lebih banyak pengunjung, atau pastikan konversinya ada di sel yang "
         "benar."},
        {kpi::message_id::bad_funnel_mode, [] { return error_of(kpi::parse_funnel_mode("total")); },
         "KPI.FUNNEL: mode must be \"step\" (\"tahap\") or \"overall\" (\"keseluruhan\")",
         "KPI.FUNNEL: mode must be \"step\" (\"tahap\") or \"overall\" (\"keseluruhan\"). Leave it out for "
         "the rate of each stage from the one before; \"overall\" gives each stage's rate from the first.",
         "KPI.FUNNEL: mode harus \"tahap\" (\"step\") atau \"keseluruhan\" (\"overall\"). Kosongkan untuk "
         "tingkat setiap tahap dari tahap sebelumnya; \"keseluruhan\" memberi tingkat setiap tahap dari "
         "tahap pertama."},
        {kpi::message_id::funnel_grows,
         [] {
             return error_of(kpi::funnel_rates(std::vector<double>{100, 40, 50}, kpi::funnel_mode::step));
         },
         "KPI.FUNNEL: stage_counts must not grow from one stage to the next (got 50)",
         "KPI.FUNNEL: stage_counts must not grow from one stage to the next (got 50). Each stage counts "
         "those who reached it, never more than the stage before: check the order of the stages, the first "
         "stage first.",
         "KPI.FUNNEL: jumlah_per_tahap tidak boleh bertambah dari satu tahap ke tahap berikutnya (nilainya "
         "50). Setiap tahap menghitung yang mencapainya, tidak pernah lebih banyak daripada tahap "
         "sebelumnya: periksa urutan tahapnya, dimulai dari tahap pertama."},
        {kpi::message_id::funnel_reference_zero,
         [] {
             return cell_error(kpi::funnel_rates(std::vector<double>{100, 0, 0}, kpi::funnel_mode::step), 2);
         },
         "KPI.FUNNEL: stage_counts has 0 at the stage this one is compared with",
         "KPI.FUNNEL: stage_counts has 0 at the stage this one is compared with. No one reached that earlier "
         "stage, so this stage has no rate: there is nothing to fix until that stage has data.",
         "KPI.FUNNEL: jumlah_per_tahap bernilai 0 pada tahap pembanding tahap ini. Tidak ada yang mencapai "
         "tahap sebelumnya itu, jadi tahap ini tidak memiliki tingkat: tidak ada yang perlu diperbaiki "
         "sampai tahap itu berisi data."},
        {kpi::message_id::bad_grain,
         [] { return error_of(kpi::parse_grain("fortnight", "KPI.PERIODS", kpi::period_grain::month)); },
         "KPI.PERIODS: grain must be day/hari, week/minggu, month/bulan, quarter/kuartal or year/tahun",
         "KPI.PERIODS: grain must be day/hari, week/minggu, month/bulan, quarter/kuartal or year/tahun. "
         "Enter one of these words in quotes, such as \"month\", or leave it out.",
         "KPI.PERIODS: satuan_waktu harus hari/day, minggu/week, bulan/month, kuartal/quarter, atau "
         "tahun/year. Tulis salah satu kata itu di antara tanda kutip, misalnya \"bulan\", atau kosongkan."},
        {kpi::message_id::length_mismatch,
         [] {
             return error_of(kpi::repeat_rate(ids({"a", "b", "a"}), id_count,
                                              kpi::order_column{ids({"1", "2"}), id_count}));
         },
         "KPI.REPEATRATE: customer_ids must have as many cells as order_ids (got 3)",
         "KPI.REPEATRATE: customer_ids must have as many cells as order_ids (got 3). The ranges are read row "
         "by row: select the same rows in both, such as A2:A500 and B2:B500.",
         "KPI.REPEATRATE: id_pelanggan harus memiliki sel sebanyak id_pesanan (nilainya 3). Rentang dibaca "
         "baris demi baris: pilih baris yang sama pada keduanya, misalnya A2:A500 dan B2:B500."},
        {kpi::message_id::date_outside_calendar,
         [] {
             return error_of(kpi::cohort_matrix(ids({"a", "b"}), std::vector<double>{46023, 1e308}, id_count,
                                                kpi::period_grain::month, kpi::cohort_measure::customers,
                                                std::nullopt, null_date));
         },
         "KPI.COHORT: order_dates must be dates at most 2,000,000,000 days (about 5.5 million years) from "
         "day 0 (got 1e+308)",
         "KPI.COHORT: order_dates must be dates at most 2,000,000,000 days (about 5.5 million years) from "
         "day 0 (got 1e+308). A cell holds a huge number instead of a date: look for a mistyped date, or a "
         "column of amounts selected as the dates.",
         "KPI.COHORT: tanggal_pesanan harus berupa tanggal yang paling jauh 2.000.000.000 hari (sekitar 5,5 "
         "juta tahun) dari hari 0 (nilainya 1e+308). Ada sel yang berisi angka sangat besar, bukan tanggal: "
         "periksa tanggal yang salah ketik, atau kolom nominal yang terpilih sebagai tanggal."},
        {kpi::message_id::no_ids,
         [] {
             return error_of(kpi::retention_from_ids(ids({"", ""}), ids({"a"}), id_count));
         },
         "KPI.RETENTION.IDS: start_ids has no IDs",
         "KPI.RETENTION.IDS: start_ids has no IDs. The range is empty: check that it refers to the column of "
         "IDs.",
         "KPI.RETENTION.IDS: id_awal tidak berisi ID. Rentangnya kosong: pastikan rentang merujuk ke kolom "
         "ID."},
        {kpi::message_id::bad_cohort_measure, [] { return error_of(kpi::parse_cohort_measure("orders")); },
         "KPI.COHORT: measure must be retention/retensi, customers/pelanggan or revenue/pendapatan",
         "KPI.COHORT: measure must be retention/retensi, customers/pelanggan or revenue/pendapatan. Enter "
         "one of these words in quotes, such as \"customers\", or leave it out for retention.",
         "KPI.COHORT: ukuran harus retensi/retention, pelanggan/customers, atau pendapatan/revenue. Tulis "
         "salah satu kata itu di antara tanda kutip, misalnya \"pelanggan\", atau kosongkan untuk retensi."},
        {kpi::message_id::revenue_needs_amounts,
         [] {
             return error_of(kpi::cohort_matrix(ids({"a"}), std::vector<double>{46023}, id_count,
                                                kpi::period_grain::month, kpi::cohort_measure::revenue,
                                                std::nullopt, null_date));
         },
         "KPI.COHORT: amounts are required for the revenue measure",
         "KPI.COHORT: amounts are required for the revenue measure. Give the range of order amounts, one per "
         "row of the customer IDs.",
         "KPI.COHORT: nilai_pesanan wajib diisi untuk ukuran pendapatan. Isi dengan rentang nominal pesanan, "
         "satu per baris ID pelanggan."},
        {kpi::message_id::no_dated_rows,
         [] {
             return error_of(kpi::period_table(ids({"a", ""}), std::vector<double>{nan, 46023}, id_count,
                                               kpi::period_grain::month, std::nullopt, std::nullopt,
                                               null_date));
         },
         "KPI.PERIODS: customer_ids has no row with an ID and a date",
         "KPI.PERIODS: customer_ids has no row with an ID and a date. Check that the dates are dates, not "
         "text, and that both ranges start on the same row.",
         "KPI.PERIODS: id_pelanggan tidak memiliki baris yang berisi ID dan tanggal. Pastikan tanggalnya "
         "berupa tanggal, bukan teks, dan kedua rentang dimulai pada baris yang sama."},
        {kpi::message_id::cohort_too_wide,
         [] {
             return error_of(kpi::cohort_matrix(ids({"a", "b"}), std::vector<double>{46023, 46023 + 20000},
                                                id_count, kpi::period_grain::day,
                                                kpi::cohort_measure::customers, std::nullopt, null_date));
         },
         "KPI.COHORT: order_dates span more periods than a sheet has columns: check for a mistyped date or "
         "use a coarser grain (got 20001)",
         "KPI.COHORT: order_dates span more periods than a sheet has columns: check for a mistyped date or "
         "use a coarser grain (got 20001). A date typed as a number, such as 20240115, lies thousands of "
         "years away; daily cohorts over many years are too wide as well.",
         "KPI.COHORT: tanggal_pesanan mencakup lebih banyak periode daripada jumlah kolom lembar kerja: "
         "periksa tanggal yang salah ketik atau gunakan satuan waktu yang lebih besar (nilainya 20001). "
         "Tanggal yang diketik sebagai angka, misalnya 20240115, jatuh ribuan tahun ke depan; kohort harian "
         "selama bertahun-tahun juga terlalu lebar."},
        {kpi::message_id::cohort_too_large,
         [] {
             // 301 daily cohorts over 15,001 days: 301 x 15,003 cells
             std::vector<std::string> customers;
             std::vector<double> dates;
             for (int i = 0; i < 300; ++i) {
                 customers.push_back("c" + std::to_string(i));
                 dates.push_back(46023 + i);
             }
             customers.push_back("late");
             dates.push_back(46023 + 15000);
             return error_of(kpi::cohort_matrix(ids(customers), dates, id_count, kpi::period_grain::day,
                                                kpi::cohort_measure::customers, std::nullopt, null_date));
         },
         "KPI.COHORT: the cohort table would have over 4 million cells (got 4515903)",
         "KPI.COHORT: the cohort table would have over 4 million cells (got 4515903). Use a coarser grain, "
         "such as month instead of day, or fewer rows.",
         "KPI.COHORT: tabel kohort akan berisi lebih dari 4 juta sel (nilainya 4515903). Gunakan satuan "
         "waktu yang lebih besar, misalnya bulan alih-alih hari, atau lebih sedikit baris."},
        {kpi::message_id::cohort_not_reached,
         [] {
             return cell_error(kpi::cohort_matrix(ids({"a", "b"}), std::vector<double>{46023, 46054},
                                                  id_count, kpi::period_grain::month,
                                                  kpi::cohort_measure::customers, std::nullopt, null_date),
                               1, 3);
         },
         "",
         "KPI.COHORT: the data has not reached this period yet. Nothing is wrong: the data ends before this "
         "period of "
         "the cohort. Hide these cells with IFNA if you like.",
         "KPI.COHORT: datanya belum mencapai periode ini. Tidak ada yang salah: datanya berakhir sebelum "
         "periode kohort "
         "ini. Sembunyikan sel ini dengan IFNA bila perlu."},
        {kpi::message_id::periods_too_many,
         [] {
             return error_of(kpi::period_table(ids({"a", "b"}), std::vector<double>{46023, 46023 + 20000},
                                               id_count, kpi::period_grain::day, std::nullopt, std::nullopt,
                                               null_date));
         },
         "KPI.PERIODS: order_dates span more than 16,384 periods: check for a mistyped date or use a coarser "
         "grain (got 20001)",
         "KPI.PERIODS: order_dates span more than 16,384 periods: check for a mistyped date or use a coarser "
         "grain (got 20001). A date typed as a number, such as 20240115, lies thousands of years away; a "
         "daily table over many years is too long as well.",
         "KPI.PERIODS: tanggal_pesanan mencakup lebih dari 16.384 periode: periksa tanggal yang salah ketik "
         "atau gunakan satuan waktu yang lebih besar (nilainya 20001). Tanggal yang diketik sebagai angka, "
         "misalnya 20240115, jatuh ribuan tahun ke depan; tabel harian selama bertahun-tahun juga terlalu "
         "panjang."},
        {kpi::message_id::period_without_orders,
         [] {
             return cell_error(kpi::period_table(ids({"a", "b"}), std::vector<double>{46023, 46054}, id_count,
                                                 kpi::period_grain::month, std::vector<double>{10, 20},
                                                 kpi::order_column{ids({"1", ""}), id_count}, null_date),
                               1, kpi::period_column::aov);
         },
         "KPI.PERIODS: a period without orders has no average order value",
         "KPI.PERIODS: a period without orders has no average order value. The rows of this period have no "
         "order ID: check the column of order IDs.",
         "KPI.PERIODS: periode tanpa pesanan tidak memiliki nilai pesanan rata-rata. Baris pada periode ini "
         "tidak memiliki ID pesanan: periksa kolom ID pesanan."},
        {kpi::message_id::periods_need_amounts,
         [] {
             return cell_error(kpi::period_table(ids({"a"}), std::vector<double>{46023}, id_count,
                                                 kpi::period_grain::month, std::nullopt, std::nullopt,
                                                 null_date),
                               0, kpi::period_column::revenue);
         },
         "KPI.PERIODS: revenue and AOV need amounts",
         "KPI.PERIODS: revenue and AOV need amounts. Give the range of order amounts to see revenue and the "
         "average order value.",
         "KPI.PERIODS: pendapatan dan AOV memerlukan nilai_pesanan. Isi rentang nominal pesanan untuk "
         "melihat pendapatan dan nilai pesanan rata-rata."},
        {kpi::message_id::argument_missing,
         [] {
             // Made by the glue while it reads the arguments (addin/calc_values.cxx), as it makes it.
             return kpi::fail(kpi::error_kind::wrong_type, kpi::message_id::argument_missing, "KPI.ROI",
                              {"cost"});
         },
         "KPI.ROI: cost is missing",
         "KPI.ROI: cost is missing. Fill in the argument: a number, a cell or a range.",
         "KPI.ROI: biaya belum diisi. Isi argumen ini: angka, sel, atau rentang sel."},
        {kpi::message_id::argument_is_text,
         [] {
             // Made by the glue while it reads the arguments (addin/calc_values.cxx), as it makes it.
             return kpi::fail(kpi::error_kind::wrong_type, kpi::message_id::argument_is_text, "KPI.ROI",
                              {"cost"});
         },
         "KPI.ROI: cost is text, not a number",
         "KPI.ROI: cost is text, not a number. A number stored as text (often imported, aligned to the left) "
         "counts as text: type it again, or remove spaces and currency signs; in a Calc that writes decimals "
         "with a comma, 0.75 typed with a point is text too.",
         "KPI.ROI: biaya berupa teks, bukan angka. Angka yang tersimpan sebagai teks (sering hasil impor, "
         "rata kiri) dihitung sebagai teks: ketik ulang angkanya, atau hapus spasi dan simbol mata uangnya; "
         "di Calc yang memakai koma desimal, 0.75 yang diketik dengan titik juga teks: tulis 0,75."},
        {kpi::message_id::sum_too_large,
         [] {
             // Made by the glue while it reads the arguments (addin/calc_values.cxx), as it makes it.
             return kpi::fail(kpi::error_kind::no_result, kpi::message_id::sum_too_large, "KPI.ROI",
                              {"gain"});
         },
         "KPI.ROI: gain sums to more than a number can hold",
         "KPI.ROI: gain sums to more than a number can hold. Look for a mistyped number in the range.",
         "KPI.ROI: jumlah hasil melebihi batas angka. Periksa apakah ada angka yang salah ketik di rentang "
         "itu."},
        {kpi::message_id::not_a_number,
         [] {
             // Made by the glue while it reads the arguments (addin/calc_values.cxx), as it makes it.
             return kpi::fail(kpi::error_kind::wrong_type, kpi::message_id::not_a_number, "KPI.ROI",
                              {"cost"});
         },
         "KPI.ROI: cost is not a number or a range of numbers",
         "KPI.ROI: cost is not a number or a range of numbers. Give a number, a cell or a range of cells.",
         "KPI.ROI: biaya bukan angka atau rentang angka. Isi dengan angka, sel, atau rentang sel."},
        {kpi::message_id::not_a_word,
         [] {
             // Made by the glue while it reads the arguments (addin/calc_values.cxx), as it makes it.
             return kpi::fail(kpi::error_kind::wrong_type, kpi::message_id::not_a_word, "KPI.COHORT",
                              {"measure"});
         },
         "KPI.COHORT: measure is not a word",
         "KPI.COHORT: measure is not a word. Give one of the words that the function reference lists, in "
         "quotes.",
         "KPI.COHORT: ukuran bukan kata. Isi dengan salah satu kata yang tercantum di referensi fungsi, di "
         "antara tanda kutip."},
        {kpi::message_id::internal_failure,
         [] {
             // What the glue records when it catches a failure of its own (addin/calc_values.hxx).
             return kpi::error{kpi::error_kind::internal, kpi::message_id::internal_failure};
         },
         "",
         "The extension itself failed, not your data. It ran out of memory or met a bug: close other "
         "workbooks and recalculate with Ctrl+Shift+F9; if it stays, please report the formula.",
         "Ekstensi itu sendiri yang gagal, bukan data Anda. Memorinya habis atau ada bug: tutup buku kerja "
         "lain lalu hitung ulang dengan Ctrl+Shift+F9; jika tetap muncul, mohon laporkan rumusnya."},
        {kpi::message_id::table_not_found,
         [] {
             return error_of(kpi::sheet::apply_overrides(leads_book(),
                                                         kpi::sheet::detect_tables(leads_book()),
                                                         {{"Lead", kpi::sheet::table_kind::leads, {}}}));
         },
         "KPI sheet: table Lead is not one of the tables found: Leads",
         "KPI sheet: table Lead is not one of the tables found: Leads. Choose one of the tables the sheet "
         "builder found.",
         "KPI sheet: tabel Lead bukan salah satu tabel yang ditemukan: Leads. Pilih salah satu tabel yang "
         "ditemukan pembuat lembar."},
        {kpi::message_id::table_not_found_none,
         [] {
             return error_of(kpi::sheet::apply_overrides(leads_book(), {},
                                                         {{"Leads", kpi::sheet::table_kind::leads, {}}}));
         },
         "KPI sheet: table Leads is not one of the tables found (none)",
         "KPI sheet: table Leads is not one of the tables found (none). The workbook has no table the sheet "
         "builder recognises: put each table under a row of column headers.",
         "KPI sheet: tabel Leads bukan salah satu tabel yang ditemukan (tidak ada). Buku kerja ini tidak "
         "memiliki tabel yang dikenali pembuat lembar: letakkan setiap tabel di bawah satu baris judul "
         "kolom."},
        {kpi::message_id::table_not_in_workbook,
         [] {
             return error_of(kpi::sheet::apply_overrides(kpi::sheet::workbook{},
                                                         kpi::sheet::detect_tables(leads_book()),
                                                         {{"Leads", kpi::sheet::table_kind::leads, {}}}));
         },
         "KPI sheet: table Leads is not in this workbook",
         "KPI sheet: table Leads is not in this workbook. Detect the tables again.",
         "KPI sheet: tabel Leads tidak ada di buku kerja ini. Deteksi ulang tabelnya."},
        {kpi::message_id::role_not_of_kind,
         [] {
             return error_of(kpi::sheet::apply_overrides(
                 leads_book(), kpi::sheet::detect_tables(leads_book()),
                 {{"Leads", std::nullopt, {{kpi::sheet::column_role::clicks, 1}}}}));
         },
         "KPI sheet: role clicks of table Leads is not a role of leads tables",
         "KPI sheet: role clicks of table Leads is not a role of leads tables. Choose a column role that "
         "this kind of table has.",
         "KPI sheet: peran clicks pada tabel Leads bukan peran tabel leads. Pilih peran kolom yang dimiliki "
         "jenis tabel ini."},
        {kpi::message_id::column_outside_table,
         [] {
             return error_of(kpi::sheet::apply_overrides(
                 leads_book(), kpi::sheet::detect_tables(leads_book()),
                 {{"Leads", std::nullopt, {{kpi::sheet::column_role::status, 12}}}}));
         },
         "KPI sheet: role status of table Leads names column M, outside the table (columns A to D)",
         "KPI sheet: role status of table Leads names column M, outside the table (columns A to D). Choose a "
         "column inside the table.",
         "KPI sheet: peran status pada tabel Leads menunjuk kolom M, di luar tabel (kolom A sampai D). Pilih "
         "kolom di dalam tabel."},
        {kpi::message_id::required_column_missing,
         [] {
             return error_of(kpi::sheet::apply_overrides(
                 leads_book(), kpi::sheet::detect_tables(leads_book()),
                 {{"Leads", std::nullopt, {{kpi::sheet::column_role::date, std::nullopt}}}}));
         },
         "KPI sheet: table Leads needs a date column to be a leads table",
         "KPI sheet: table Leads needs a date column to be a leads table. Give the table that column, or "
         "choose another kind of table.",
         "KPI sheet: tabel Leads memerlukan kolom date untuk menjadi tabel leads. Tentukan kolom itu untuk "
         "tabelnya, atau pilih jenis tabel lain."},
        {kpi::message_id::no_kpi_tables,
         [] { return error_of(kpi::sheet::plan_sheet(leads_book(), {}, {})); },
         "KPI sheet: workbook has no table of orders, leads, campaigns, sessions, traffic or survey answers",
         "KPI sheet: workbook has no table of orders, leads, campaigns, sessions, traffic or survey answers. "
         "Put each table under a row of column headers, such as Date, Customer and Amount.",
         "KPI sheet: buku kerja tidak memiliki tabel pesanan, prospek, kampanye, sesi, trafik, atau jawaban "
         "survei. Letakkan setiap tabel di bawah satu baris judul kolom, misalnya Tanggal, Pelanggan, dan "
         "Nominal."},
    };
    return all;
}

std::string key_of(kpi::message_id id)
{
    const kpi::message* row = kpi::find_message(id);
    return row ? std::string(row->key) : "none";
}

TEST(Messages, EveryMessageHasItsExactTextInBothLanguages)
{
    const bool dump = std::getenv("KPI_DUMP_MESSAGES") != nullptr;
    for (const message_case& c : cases()) {
        SCOPED_TRACE(key_of(c.id));
        const std::optional<kpi::error> e = c.make();
        ASSERT_TRUE(e.has_value()) << "the call gave no error";
        if (dump) {
            std::cout << "K:" << key_of(c.id) << "\nM:" << e->message
                      << "\nE:" << kpi::explain(*e, language::en) << "\nI:" << kpi::explain(*e, language::id)
                      << "\n";
            continue;
        }
        EXPECT_EQ(e->id, c.id);
        EXPECT_EQ(e->message, c.message);
        EXPECT_EQ(kpi::explain(*e, language::en), c.english);
        EXPECT_EQ(kpi::explain(*e, language::id), c.indonesian);
    }
}

TEST(Messages, EveryRowOfTheTableHasATestAndBothLanguages)
{
    for (const kpi::message& row : kpi::message_table()) {
        SCOPED_TRACE(row.key);
        EXPECT_EQ(
            std::count_if(cases().begin(), cases().end(), [&](const auto& c) { return c.id == row.id; }), 1);
        for (const kpi::message_text& text : {row.english, row.indonesian}) {
            EXPECT_FALSE(text.reason.empty());
            EXPECT_FALSE(text.hint.empty());
        }
        EXPECT_NE(row.english.reason, row.indonesian.reason);
        EXPECT_NE(row.english.hint, row.indonesian.hint);
    }
}

TEST(Messages, EveryArgumentAMessageNamesIsAnArgumentOfItsFunctionInTheTable)
{
    for (const message_case& c : cases()) {
        SCOPED_TRACE(key_of(c.id));
        const std::optional<kpi::error> e = c.make();
        ASSERT_TRUE(e.has_value());
        for (const std::string_view name : kpi::argument_names_in(*e)) {
            ASSERT_TRUE(e->details);
            // en_name of the function's row in addin/functions.toml, which also gives its Indonesian name
            EXPECT_TRUE(kpi::indonesian_argument_name(e->details->function, name).has_value())
                << e->details->function << " has no argument " << name;
        }
    }
}

TEST(Messages, IndonesianWritesTheValueWithADecimalComma)
{
    const auto e = kpi::customer_satisfaction(std::vector<double>{4, 5}, 1, 0.5).error();
    EXPECT_EQ(e.message, "KPI.CSAT: scale_max must be at least 1 (got 0.5)");
    EXPECT_TRUE(kpi::explain(e, language::id)
                    .starts_with("KPI.CSAT: skala_maks harus paling sedikit 1 (nilainya 0,5). "));
    const auto large = kpi::compound_growth_rate(-1.5e300, 1, 2).error();
    EXPECT_TRUE(kpi::explain(large, language::id)
                    .starts_with("KPI.CAGR: nilai_awal harus positif (nilainya -1,5e+300). "));
}

TEST(Messages, AMessageOutsideTheTableIsItsEnglishMessageInBothLanguages)
{
    const kpi::error e = kpi::fail(kpi::error_kind::invalid_argument, "KPI.ROI", "cost", "is odd", 3);
    EXPECT_EQ(e.id, kpi::message_id::none);
    EXPECT_EQ(kpi::explain(e, language::en), "KPI.ROI: cost is odd (got 3)");
    EXPECT_EQ(kpi::explain(e, language::id), "KPI.ROI: cost is odd (got 3)");
}

TEST(Messages, AnInternalErrorWithoutItsIdIsExplainedAsOne)
{
    const kpi::error e{kpi::error_kind::internal, {}};
    EXPECT_EQ(
        kpi::explain(e, language::id),
        kpi::explain(kpi::error{kpi::error_kind::internal, kpi::message_id::internal_failure}, language::id));
    EXPECT_TRUE(kpi::explain(e, language::id).starts_with("Ekstensi itu sendiri yang gagal"));
}

TEST(Messages, TheSameErrorTwiceIsEqualAndAnotherValueIsNot)
{
    EXPECT_EQ(kpi::return_on_investment(100, -5).error(), kpi::return_on_investment(100, -5).error());
    // a NaN that failed is the same value the second time, as "(got NaN)" is the same message
    EXPECT_EQ(kpi::return_on_investment(nan, 100).error(), kpi::return_on_investment(nan, 100).error());
    EXPECT_FALSE(kpi::return_on_investment(100, -5).error() == kpi::return_on_investment(100, -6).error());
    EXPECT_FALSE(kpi::return_on_investment(100, -5).error() == kpi::cost_per_click(-5, 100).error());
}

/// A text of the context table in both languages, with the parameters Explain Error gives it: the argument's
/// name in the language (the Function Wizard's), Calc's name of the error, the cell's address.
struct context_case
{
    kpi::context_id id;
    std::function<std::string(language)> make;
    std::string english;
    std::string indonesian;
};

const std::vector<context_case>& context_cases()
{
    using kpi::context_id;
    static const std::vector<context_case> all = {
        {context_id::argument_shows_error,
         [](language l) {
             return kpi::explain(context_id::argument_shows_error, l,
                                 {"KPI.CTR", l == language::id ? "klik" : "clicks", "B2/0", "#DIV/0!"});
         },
         "KPI.CTR: the argument clicks (B2/0) shows #DIV/0!: the error comes from there, not from KPI.CTR, "
         "which Calc does not call with an error. Correct that cell or expression first.",
         "KPI.CTR: argumen klik (B2/0) menampilkan #DIV/0!: galatnya berasal dari sana, bukan dari KPI.CTR, "
         "yang tidak dipanggil Calc dengan galat. Perbaiki dulu sel atau ekspresi itu."},
        {context_id::range_holds_error,
         [](language l) {
             return kpi::explain(context_id::range_holds_error, l,
                                 {"KPI.CTR", l == language::id ? "klik" : "clicks", "B2:B9", 2.0});
         },
         "KPI.CTR: the argument clicks (B2:B9) is a range that holds an error cell (2 in all), so Calc shows "
         "Err:504 without calling KPI.CTR. Correct or remove the error cells of the range.",
         "KPI.CTR: argumen klik (B2:B9) adalah rentang yang berisi sel galat (2 sel), sehingga Calc "
         "menampilkan Galat:504 tanpa memanggil KPI.CTR. Perbaiki atau hapus sel galat di rentang itu."},
        {context_id::no_value_here,
         [](language l) {
             return kpi::explain(context_id::no_value_here, l, {"KPI.FUNNEL", "#N/A"});
         },
         "KPI.FUNNEL has no value for this cell (#N/A).",
         "KPI.FUNNEL tidak memiliki nilai untuk sel ini (#N/A)."},
        {context_id::array_padding,
         [](language l) {
             return kpi::explain(context_id::array_padding, l, {"KPI.FUNNEL", "#N/A"});
         },
         "#N/A beyond KPI.FUNNEL's result: the array formula's range is larger than the result, and Calc "
         "fills the extra cells with #N/A. Select a range of the result's size.",
         "#N/A di luar hasil KPI.FUNNEL: rentang rumus array lebih besar daripada hasilnya, dan Calc mengisi "
         "sel sisanya dengan #N/A. Pilih rentang seukuran hasilnya."},
        {context_id::error_outside,
         [](language l) {
             return kpi::explain(context_id::error_outside, l, {"KPI.ROI, KPI.CPC", "#VALUE!"});
         },
         "#VALUE! does not come from a KPI function: KPI.ROI, KPI.CPC computed without an error. It comes "
         "from the rest of the formula.",
         "#VALUE! tidak berasal dari fungsi KPI: KPI.ROI, KPI.CPC dihitung tanpa galat. Galatnya berasal "
         "dari bagian lain rumus."},
        {context_id::not_an_error,
         [](language l) { return kpi::explain(context_id::not_an_error, l, {"Sheet1.B3"}); },
         "The cell Sheet1.B3 shows no error: there is nothing to explain.",
         "Sel Sheet1.B3 tidak menampilkan galat: tidak ada yang perlu dijelaskan."},
        {context_id::no_kpi_function,
         [](language l) {
             return kpi::explain(context_id::no_kpi_function, l, {"Sheet1.B3", "#DIV/0!"});
         },
         "The cell Sheet1.B3 shows #DIV/0!, but its formula calls no KPI function. Explain Error explains "
         "the errors of KPI functions only.",
         "Sel Sheet1.B3 menampilkan #DIV/0!, tetapi rumusnya tidak memanggil fungsi KPI. Jelaskan Galat "
         "hanya menjelaskan galat fungsi KPI."},
        {context_id::protected_sheet,
         [](language l) {
             return kpi::explain(context_id::protected_sheet, l, {"Sheet1.B3", "Err:502"});
         },
         "The cell Sheet1.B3 shows Err:502 from a KPI function, but its sheet is protected: Explain Error "
         "computes the formula again in its cell, which a protected sheet does not allow. Unprotect the "
         "sheet (Sheet > Protect Sheet) and explain the error again.",
         "Sel Sheet1.B3 menampilkan Err:502 dari fungsi KPI, tetapi lembarnya diproteksi: Jelaskan Galat "
         "menghitung ulang rumus di selnya, dan lembar yang diproteksi tidak mengizinkannya. Buka proteksi "
         "lembar (Lembar > Proteksi Lembar) lalu jelaskan galatnya lagi."},
        {context_id::cannot_compute,
         [](language l) {
             return kpi::explain(context_id::cannot_compute, l,
                                 {"Sheet1.B3", "Err:502", "document is locked"});
         },
         "The cell Sheet1.B3 shows Err:502 from a KPI function, but its formula could not be computed again "
         "to find the reason: document is locked",
         "Sel Sheet1.B3 menampilkan Err:502 dari fungsi KPI, tetapi rumusnya tidak dapat dihitung ulang "
         "untuk mencari alasannya: document is locked"},
        {context_id::no_cell, [](language l) { return kpi::explain(context_id::no_cell, l); },
         "Select a cell to explain its error.", "Pilih sel untuk menjelaskan galatnya."},
        {context_id::command_title, [](language l) { return kpi::explain(context_id::command_title, l); },
         "Explain Error", "Jelaskan Galat"},
    };
    return all;
}

TEST(ContextMessages, EveryTextHasItsExactWordingInBothLanguages)
{
    for (const context_case& c : context_cases()) {
        SCOPED_TRACE(kpi::find_context_message(c.id).key);
        EXPECT_EQ(c.make(language::en), c.english);
        EXPECT_EQ(c.make(language::id), c.indonesian);
    }
}

TEST(ContextMessages, EveryRowOfTheTableHasATestAndBothLanguages)
{
    EXPECT_EQ(kpi::context_table().size(), context_cases().size());
    for (const kpi::context_message& row : kpi::context_table()) {
        SCOPED_TRACE(row.key);
        EXPECT_EQ(&kpi::find_context_message(row.id), &row);
        EXPECT_EQ(std::count_if(context_cases().begin(), context_cases().end(),
                                [&](const auto& c) { return c.id == row.id; }),
                  1);
        EXPECT_FALSE(row.english.empty());
        EXPECT_FALSE(row.indonesian.empty());
        EXPECT_NE(row.english, row.indonesian);
    }
}

TEST(ContextMessages, ANumberIsWrittenAsTheLanguageWritesItAndAMissingParameterShows)
{
    using kpi::context_id;
    EXPECT_TRUE(
        kpi::explain(context_id::range_holds_error, language::id, {"KPI.CTR", "klik", "B2:B9", 2.5})
            .starts_with("KPI.CTR: argumen klik (B2:B9) adalah rentang yang berisi sel galat (2,5 sel)"));
    EXPECT_TRUE(
        kpi::explain(context_id::range_holds_error, language::en, {"KPI.CTR", "clicks", "B2:B9", 2.5})
            .starts_with("KPI.CTR: the argument clicks (B2:B9) is a range that holds an error cell (2.5 "
                         "in all)"));
    // a placeholder without its parameter stays as written, as in the message table
    EXPECT_EQ(kpi::explain(context_id::not_an_error, language::en),
              "The cell {#0} shows no error: there is nothing to explain.");
}

TEST(Messages, KpiAovIdsReportsWithRowsOfTheTable)
{
    const auto orders = ids({"INV-1", "INV-2"});
    const auto short_amounts = kpi::average_order_value_from_ids(std::vector<double>{10}, orders, id_count);
    EXPECT_EQ(short_amounts.error().id, kpi::message_id::length_mismatch);
    EXPECT_EQ(short_amounts.error().message,
              "KPI.AOV.IDS: amounts must have as many cells as order_ids (got 1)");
    EXPECT_EQ(kpi::explain(short_amounts.error(), language::id),
              "KPI.AOV.IDS: nilai_pesanan harus memiliki sel sebanyak id_pesanan (nilainya 1). Rentang "
              "dibaca baris demi "
              "baris: pilih baris yang sama pada keduanya, misalnya A2:A500 dan B2:B500.");
    const auto no_orders =
        kpi::average_order_value_from_ids(std::vector<double>{10, 20}, ids({"", ""}), id_count);
    EXPECT_EQ(no_orders.error().id, kpi::message_id::no_ids);
    EXPECT_EQ(no_orders.error().message, "KPI.AOV.IDS: order_ids has no IDs");
    EXPECT_EQ(
        kpi::explain(no_orders.error(), language::id),
        "KPI.AOV.IDS: id_pesanan tidak berisi ID. Rentangnya kosong: pastikan rentang merujuk ke kolom ID.");
    const auto huge =
        kpi::average_order_value_from_ids(std::vector<double>{1.7e308, 1.7e308}, orders, id_count);
    EXPECT_EQ(huge.error().id, kpi::message_id::result_too_large);
    for (const auto* r : {&short_amounts, &no_orders, &huge})
        for (const std::string_view name : kpi::argument_names_in(r->error()))
            EXPECT_TRUE(kpi::indonesian_argument_name("KPI.AOV.IDS", name).has_value()) << name;
}

} // namespace
