// The core's message table and its companion context table (kpi/messages.hpp), and what writes their
// messages: kpi::fail and kpi::explain.
#include "kpi/messages.hpp"

#include "kpi/result.hpp"

#include "argument_names.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace kpi {

namespace {

// One row per message_id, in its order (checked below). The English reasons are the core's messages as
// the unit tests and the function reference quote them; each hint says what a user can do about it.
constexpr message messages[] = {
    {message_id::not_finite,
     "not_finite",
     {"{0} must be a finite number", "The cell holds no usable number, such as the overflow of another "
                                     "formula: correct that formula or the value it refers to."},
     {"{0} harus berupa bilangan terhingga",
      "Sel ini tidak berisi angka yang dapat dipakai, misalnya hasil rumus lain yang meluap: perbaiki rumus "
      "itu atau nilai yang dirujuknya."}},
    {message_id::negative,
     "negative",
     {"{0} must not be negative", "A count, an amount or a share cannot be below 0: look for a minus sign in "
                                  "{0}, or for a refund or correction entered as a negative number."},
     {"{0} tidak boleh negatif",
      "Jumlah, nominal, atau porsi tidak mungkin di bawah 0: periksa tanda minus di {0}, atau pengembalian "
      "dana atau koreksi yang dimasukkan sebagai angka negatif."}},
    {message_id::not_fraction,
     "not_fraction",
     {"{0} must be between 0 and 1", "Enter it as a percentage, such as 25% or 0.25, not 25."},
     {"{0} harus antara 0 dan 1", "Masukkan sebagai persentase, misalnya 25% atau 0,25, bukan 25."}},
    {message_id::exceeds,
     "exceeds",
     {"{0} must not exceed {1}", "A part of {1} cannot be more than {1} itself: check that {0} and {1} cover "
                                 "the same period and the same source, and that they are not swapped."},
     {"{0} tidak boleh melebihi {1}",
      "Bagian dari {1} tidak mungkin lebih besar daripada {1} itu sendiri: pastikan {0} dan {1} mencakup "
      "periode dan sumber data yang sama, dan keduanya tidak tertukar."}},
    {message_id::zero_denominator,
     "zero_denominator",
     {"{0} is 0", "The function divides by {0}: check that the cell refers to the right data, or show a "
                  "blank cell until there is data, with IFERROR."},
     {"{0} bernilai 0", "Fungsi ini membagi dengan {0}: pastikan sel merujuk ke data yang benar, atau "
                        "tampilkan sel kosong sampai datanya ada, dengan IFERROR."}},
    {message_id::end_before_start,
     "end_before_start",
     {"{0} must not be before {1}",
      "Check that the two dates are not swapped and that both are dates, not text."},
     {"{0} tidak boleh sebelum {1}",
      "Pastikan kedua tanggal tidak tertukar dan keduanya berupa tanggal, bukan teks."}},
    {message_id::result_too_large,
     "result_too_large",
     {"result is too large to represent",
      "The inputs are hundreds of orders of magnitude apart: look for a mistyped number or a wrong unit."},
     {"hasilnya terlalu besar untuk dinyatakan sebagai angka",
      "Besaran masukannya terpaut sangat jauh: periksa apakah ada angka yang salah ketik atau satuan yang "
      "keliru."}},
    {message_id::kept_exceed_start,
     "kept_exceed_start",
     {"{0} - {1} must not exceed {2}",
      "The customers kept ({0} minus {1}) cannot outnumber those at the start: check that {1} counts every "
      "customer who joined during the period."},
     {"{0} - {1} tidak boleh melebihi {2}",
      "Pelanggan yang bertahan ({0} dikurangi {1}) tidak mungkin lebih banyak daripada pelanggan di awal: "
      "pastikan {1} menghitung semua pelanggan yang bergabung selama periode itu."}},
    {message_id::not_positive,
     "not_positive",
     {"{0} must be positive", "A compound growth rate needs a start value above 0 and a number of periods "
                              "above 0: growth from 0 has no rate."},
     {"{0} harus positif", "Laju pertumbuhan majemuk memerlukan nilai awal di atas 0 dan jumlah periode di "
                           "atas 0: pertumbuhan dari 0 tidak memiliki laju."}},
    {message_id::never_paid_back,
     "never_paid_back",
     {"{0} must be positive: the cost is never paid back",
      "Enter the margin one customer brings per period after costs; with a margin of 0 or less the cost is "
      "never recovered."},
     {"{0} harus positif: biayanya tidak pernah kembali",
      "Masukkan margin yang dihasilkan satu pelanggan per periode setelah biaya; dengan margin 0 atau "
      "kurang, biayanya tidak pernah tertutup."}},
    {message_id::too_few_values,
     "too_few_values",
     {"{0} needs at least 2 numbers",
      "A trend needs two periods or more: widen the range, and check that its cells hold numbers, not text."},
     {"{0} memerlukan paling sedikit 2 angka", "Tren memerlukan dua periode atau lebih: perluas rentangnya, "
                                               "dan pastikan selnya berisi angka, bukan teks."}},
    {message_id::values_too_large,
     "values_too_large",
     {"{0} are too large to average",
      "Their sum is beyond what a number can hold: look for a mistyped number."},
     {"{0} terlalu besar untuk dirata-ratakan",
      "Jumlahnya melampaui batas angka: periksa apakah ada angka yang salah ketik."}},
    {message_id::mean_is_zero,
     "mean_is_zero",
     {"the mean of {0} is 0", "The trend is relative to the mean, which says nothing when the values average "
                              "0: use SLOPE for the change per period instead."},
     {"rata-rata {0} bernilai 0", "Tren dihitung relatif terhadap rata-rata, yang tidak bermakna bila "
                                  "rata-rata nilainya 0: gunakan SLOPE untuk perubahan per periode."}},
    {message_id::positions_spread_zero,
     "positions_spread_zero",
     {"the spread of the positions is 0",
      "All values lie in one period: a trend needs values from two periods or more."},
     {"sebaran posisinya bernilai 0",
      "Semua nilai berada pada satu periode: tren memerlukan nilai dari dua periode atau lebih."}},
    {message_id::positions_mismatch,
     "positions_mismatch",
     {"positions must be one per value",
      "This is a fault of the extension, not of your data: please report the formula."},
     {"posisi harus satu untuk setiap nilai",
      "Ini kesalahan ekstensi, bukan data Anda: mohon laporkan rumusnya."}},
    {message_id::outside_period,
     "outside_period",
     {"{0} must be inside the period", "The date {0} must fall from {1} to {2}, both included: check that it "
                                       "is a date and that the period is the one you mean."},
     {"{0} harus berada di dalam periode",
      "Tanggal {0} harus berada antara {1} dan {2}, keduanya termasuk: pastikan nilainya berupa tanggal dan "
      "periodenya memang yang dimaksud."}},
    {message_id::no_days_left,
     "no_days_left",
     {"the days left after {0} is 0", "The date {0} is the last day of the period and the target is not "
                                      "reached: no day is left to spread the rest over."},
     {"sisa hari setelah {0} bernilai 0", "Tanggal {0} adalah hari terakhir periode dan target belum "
                                          "tercapai: tidak ada sisa hari untuk membagi kekurangannya."}},
    {message_id::discount_at_most_minus_one,
     "discount_at_most_minus_one",
     {"{0} must be greater than -1",
      "Enter the discount rate per period as a percentage, such as 10% or 0.1."},
     {"{0} harus lebih besar dari -1",
      "Masukkan tingkat diskonto per periode sebagai persentase, misalnya 10% atau 0,1."}},
    {message_id::bad_timing,
     "bad_timing",
     {"{0} must be 0, 1 or 2", "0: margins from the first period on; 1: a margin now as well; 2: each margin "
                               "at the end of its period."},
     {"{0} harus 0, 1, atau 2",
      "0: margin mulai periode pertama; 1: ditambah margin saat ini; 2: setiap margin di akhir periodenya."}},
    {message_id::endless_value,
     "endless_value",
     {"1 + {0} - {1} is 0", "With every customer kept and no discount the value never ends: enter a discount "
                            "rate above 0, or the number of periods to sum."},
     {"1 + {0} - {1} bernilai 0",
      "Jika semua pelanggan bertahan dan tanpa diskonto, nilainya tidak berujung: masukkan tingkat diskonto "
      "di atas 0, atau jumlah periode yang dijumlahkan."}},
    {message_id::diverging_value,
     "diverging_value",
     {"1 + {0} - {1} is negative: the value never converges",
      "A negative discount rate larger than the churn makes the sum endless: enter a discount rate of 0 or "
      "more, or the number of periods to sum."},
     {"1 + {0} - {1} bernilai negatif: nilainya tidak pernah konvergen",
      "Tingkat diskonto negatif yang lebih besar daripada churn membuat jumlahnya tidak berujung: masukkan "
      "tingkat diskonto 0 atau lebih, atau jumlah periode yang dijumlahkan."}},
    {message_id::not_whole_periods,
     "not_whole_periods",
     {"{0} must be a whole number of at least 1",
      "Enter the number of periods to sum, such as 12 or 36, or leave it out for the whole lifetime."},
     {"{0} harus bilangan bulat paling sedikit 1",
      "Masukkan jumlah periode yang dijumlahkan, misalnya 12 atau 36, atau kosongkan untuk seluruh masa "
      "hidup pelanggan."}},
    {message_id::nps_score,
     "nps_score",
     {"{0} must be whole numbers from 0 to 10",
      "NPS counts answers on the 0 to 10 scale of “How likely are you to recommend us?”: look for answers "
      "from another scale, averages or a total row."},
     {"{0} harus bilangan bulat dari 0 sampai 10",
      "NPS menghitung jawaban berskala 0 sampai 10 atas pertanyaan “Seberapa besar kemungkinan Anda "
      "merekomendasikan kami?”: periksa apakah ada jawaban dari skala lain, nilai rata-rata, atau baris "
      "total."}},
    {message_id::no_numbers,
     "no_numbers",
     {"{0} has no numbers", "The range is empty or holds only text: check that it refers to the right cells "
                            "and that they hold numbers, not text."},
     {"{0} tidak berisi angka", "Rentangnya kosong atau hanya berisi teks: pastikan rentang merujuk ke sel "
                                "yang benar dan isinya angka, bukan teks."}},
    {message_id::scale_below_one,
     "scale_below_one",
     {"{0} must be at least 1", "Enter the highest score of the survey's scale, such as 5 or 7."},
     {"{0} harus paling sedikit 1", "Masukkan skor tertinggi skala survei, misalnya 5 atau 7."}},
    {message_id::outside_scale,
     "outside_scale",
     {"{0} must be between 1 and {1}", "Scores and the threshold lie on the survey's scale from 1 to {1}: "
                                       "check {1}, and look for answers from another scale or a total row."},
     {"{0} harus antara 1 dan {1}", "Skor dan ambang batas berada pada skala survei dari 1 sampai {1}: "
                                    "periksa {1}, dan cari jawaban dari skala lain atau baris total."}},
    {message_id::confidence_not_inside,
     "confidence_not_inside",
     {"{0} must be between 0 and 1, exclusive",
      "Enter the confidence level as a percentage, such as 95% or 0.95."},
     {"{0} harus lebih dari 0 dan kurang dari 1",
      "Masukkan tingkat kepercayaan sebagai persentase, misalnya 95% atau 0,95."}},
    {message_id::no_interval,
     "no_interval",
     {"the interval cannot be computed for these counts", "Look for a mistyped count."},
     {"selangnya tidak dapat dihitung untuk jumlah ini", "Periksa apakah ada jumlah yang salah ketik."}},
    {message_id::no_difference,
     "no_difference",
     {"both groups convert at 0 % or both at 100 %: the standard error is 0",
      "There is no difference to test yet: wait for more visitors, or check that the conversions are in the "
      "right cells."},
     {"kedua grup berkonversi 0 % atau keduanya 100 %: galat bakunya 0",
      "Belum ada perbedaan yang dapat diuji: tunggu lebih banyak pengunjung, atau pastikan konversinya ada "
      "di sel yang benar."}},
    {message_id::bad_funnel_mode,
     "bad_funnel_mode",
     {"{0} must be \"step\" (\"tahap\") or \"overall\" (\"keseluruhan\")",
      "Leave it out for the rate of each stage from the one before; \"overall\" gives each stage's rate from "
      "the first."},
     {"{0} harus \"tahap\" (\"step\") atau \"keseluruhan\" (\"overall\")",
      "Kosongkan untuk tingkat setiap tahap dari tahap sebelumnya; \"keseluruhan\" memberi tingkat setiap "
      "tahap dari tahap pertama."}},
    {message_id::funnel_grows,
     "funnel_grows",
     {"{0} must not grow from one stage to the next",
      "Each stage counts those who reached it, never more than the stage before: check the order of the "
      "stages, the first stage first."},
     {"{0} tidak boleh bertambah dari satu tahap ke tahap berikutnya",
      "Setiap tahap menghitung yang mencapainya, tidak pernah lebih banyak daripada tahap sebelumnya: "
      "periksa urutan tahapnya, dimulai dari tahap pertama."}},
    {message_id::funnel_reference_zero,
     "funnel_reference_zero",
     {"{0} has 0 at the stage this one is compared with",
      "No one reached that earlier stage, so this stage has no rate: there is nothing to fix until that "
      "stage has data."},
     {"{0} bernilai 0 pada tahap pembanding tahap ini",
      "Tidak ada yang mencapai tahap sebelumnya itu, jadi tahap ini tidak memiliki tingkat: tidak ada yang "
      "perlu diperbaiki sampai tahap itu berisi data."}},
    {message_id::bad_grain,
     "bad_grain",
     {"{0} must be day/hari, week/minggu, month/bulan, quarter/kuartal or year/tahun",
      "Enter one of these words in quotes, such as \"month\", or leave it out."},
     {"{0} harus hari/day, minggu/week, bulan/month, kuartal/quarter, atau tahun/year",
      "Tulis salah satu kata itu di antara tanda kutip, misalnya \"bulan\", atau kosongkan."}},
    {message_id::length_mismatch,
     "length_mismatch",
     {"{0} must have as many cells as {1}",
      "The ranges are read row by row: select the same rows in both, such as A2:A500 and B2:B500."},
     {"{0} harus memiliki sel sebanyak {1}",
      "Rentang dibaca baris demi baris: pilih baris yang sama pada keduanya, misalnya A2:A500 dan B2:B500."}},
    {message_id::date_outside_calendar,
     "date_outside_calendar",
     {"{0} must be dates at most 2,000,000,000 days (about 5.5 million years) from day 0",
      "A cell holds a huge number instead of a date: look for a mistyped date, or a column of amounts "
      "selected as the dates."},
     {"{0} harus berupa tanggal yang paling jauh 2.000.000.000 hari (sekitar 5,5 juta tahun) dari hari 0",
      "Ada sel yang berisi angka sangat besar, bukan tanggal: periksa tanggal yang salah ketik, atau kolom "
      "nominal yang terpilih sebagai tanggal."}},
    {message_id::no_ids,
     "no_ids",
     {"{0} has no IDs", "The range is empty: check that it refers to the column of IDs."},
     {"{0} tidak berisi ID", "Rentangnya kosong: pastikan rentang merujuk ke kolom ID."}},
    {message_id::bad_cohort_measure,
     "bad_cohort_measure",
     {"{0} must be retention/retensi, customers/pelanggan or revenue/pendapatan",
      "Enter one of these words in quotes, such as \"customers\", or leave it out for retention."},
     {"{0} harus retensi/retention, pelanggan/customers, atau pendapatan/revenue",
      "Tulis salah satu kata itu di antara tanda kutip, misalnya \"pelanggan\", atau kosongkan untuk "
      "retensi."}},
    {message_id::revenue_needs_amounts,
     "revenue_needs_amounts",
     {"{0} are required for the revenue measure",
      "Give the range of order amounts, one per row of the customer IDs."},
     {"{0} wajib diisi untuk ukuran pendapatan",
      "Isi dengan rentang nominal pesanan, satu per baris ID pelanggan."}},
    {message_id::no_dated_rows,
     "no_dated_rows",
     {"{0} has no row with an ID and a date",
      "Check that the dates are dates, not text, and that both ranges start on the same row."},
     {"{0} tidak memiliki baris yang berisi ID dan tanggal",
      "Pastikan tanggalnya berupa tanggal, bukan teks, dan kedua rentang dimulai pada baris yang sama."}},
    {message_id::cohort_too_wide,
     "cohort_too_wide",
     {"{0} span more periods than a sheet has columns: check for a mistyped date or use a coarser grain",
      "A date typed as a number, such as 20240115, lies thousands of years away; daily cohorts over many "
      "years are too wide as well."},
     {"{0} mencakup lebih banyak periode daripada jumlah kolom lembar kerja: periksa tanggal yang salah "
      "ketik atau gunakan satuan waktu yang lebih besar",
      "Tanggal yang diketik sebagai angka, misalnya 20240115, jatuh ribuan tahun ke depan; kohort harian "
      "selama bertahun-tahun juga terlalu lebar."}},
    {message_id::cohort_too_large,
     "cohort_too_large",
     {"the cohort table would have over 4 million cells",
      "Use a coarser grain, such as month instead of day, or fewer rows."},
     {"tabel kohort akan berisi lebih dari 4 juta sel",
      "Gunakan satuan waktu yang lebih besar, misalnya bulan alih-alih hari, atau lebih sedikit baris."}},
    {message_id::cohort_not_reached,
     "cohort_not_reached",
     {"the data has not reached this period yet", "Nothing is wrong: the data ends before this period of the "
                                                  "cohort. Hide these cells with IFNA if you like."},
     {"datanya belum mencapai periode ini", "Tidak ada yang salah: datanya berakhir sebelum periode kohort "
                                            "ini. Sembunyikan sel ini dengan IFNA bila perlu."}},
    {message_id::periods_too_many,
     "periods_too_many",
     {"{0} span more than 16,384 periods: check for a mistyped date or use a coarser grain",
      "A date typed as a number, such as 20240115, lies thousands of years away; a daily table over many "
      "years is too long as well."},
     {"{0} mencakup lebih dari 16.384 periode: periksa tanggal yang salah ketik atau gunakan satuan waktu "
      "yang lebih besar",
      "Tanggal yang diketik sebagai angka, misalnya 20240115, jatuh ribuan tahun ke depan; tabel harian "
      "selama bertahun-tahun juga terlalu panjang."}},
    {message_id::period_without_orders,
     "period_without_orders",
     {"a period without orders has no average order value",
      "The rows of this period have no order ID: check the column of order IDs."},
     {"periode tanpa pesanan tidak memiliki nilai pesanan rata-rata",
      "Baris pada periode ini tidak memiliki ID pesanan: periksa kolom ID pesanan."}},
    {message_id::periods_need_amounts,
     "periods_need_amounts",
     {"revenue and AOV need {0}",
      "Give the range of order amounts to see revenue and the average order value."},
     {"pendapatan dan AOV memerlukan {0}",
      "Isi rentang nominal pesanan untuk melihat pendapatan dan nilai pesanan rata-rata."}},
    {message_id::argument_missing,
     "argument_missing",
     {"{0} is missing", "Fill in the argument: a number, a cell or a range."},
     {"{0} belum diisi", "Isi argumen ini: angka, sel, atau rentang sel."}},
    {message_id::argument_is_text,
     "argument_is_text",
     {"{0} is text, not a number", "A number stored as text (often imported, aligned to the left) counts as "
                                   "text: type it again, or remove spaces and currency signs; in a Calc that "
                                   "writes decimals with a comma, 0.75 typed with a point is text too."},
     {"{0} berupa teks, bukan angka",
      "Angka yang tersimpan sebagai teks (sering hasil impor, rata kiri) dihitung sebagai teks: ketik ulang "
      "angkanya, atau hapus spasi dan simbol mata uangnya; di Calc yang memakai koma desimal, 0.75 yang "
      "diketik dengan titik juga teks: tulis 0,75."}},
    {message_id::sum_too_large,
     "sum_too_large",
     {"{0} sums to more than a number can hold", "Look for a mistyped number in the range."},
     {"jumlah {0} melebihi batas angka", "Periksa apakah ada angka yang salah ketik di rentang itu."}},
    {message_id::not_a_number,
     "not_a_number",
     {"{0} is not a number or a range of numbers", "Give a number, a cell or a range of cells."},
     {"{0} bukan angka atau rentang angka", "Isi dengan angka, sel, atau rentang sel."}},
    {message_id::not_a_word,
     "not_a_word",
     {"{0} is not a word", "Give one of the words that the function reference lists, in quotes."},
     {"{0} bukan kata",
      "Isi dengan salah satu kata yang tercantum di referensi fungsi, di antara tanda kutip."}},
    {message_id::internal_failure,
     "internal_failure",
     {"the extension itself failed, not your data",
      "It ran out of memory or met a bug: close other workbooks and recalculate with Ctrl+Shift+F9; if it "
      "stays, please report the formula."},
     {"ekstensi itu sendiri yang gagal, bukan data Anda",
      "Memorinya habis atau ada bug: tutup buku kerja lain lalu hitung ulang dengan Ctrl+Shift+F9; jika "
      "tetap muncul, mohon laporkan rumusnya."}},
    {message_id::table_not_found,
     "table_not_found",
     {"table {#0} is not one of the tables found: {#1}", "Choose one of the tables the sheet builder found."},
     {"tabel {#0} bukan salah satu tabel yang ditemukan: {#1}",
      "Pilih salah satu tabel yang ditemukan pembuat lembar."}},
    {message_id::table_not_found_none,
     "table_not_found_none",
     {"table {#0} is not one of the tables found (none)",
      "The workbook has no table the sheet builder recognises: put each table under a row of column "
      "headers."},
     {"tabel {#0} bukan salah satu tabel yang ditemukan (tidak ada)",
      "Buku kerja ini tidak memiliki tabel yang dikenali pembuat lembar: letakkan setiap tabel di bawah satu "
      "baris judul kolom."}},
    {message_id::table_not_in_workbook,
     "table_not_in_workbook",
     {"table {#0} is not in this workbook", "Detect the tables again."},
     {"tabel {#0} tidak ada di buku kerja ini", "Deteksi ulang tabelnya."}},
    {message_id::role_not_of_kind,
     "role_not_of_kind",
     {"role {#0} of table {#1} is not a role of {#2} tables",
      "Choose a column role that this kind of table has."},
     {"peran {#0} pada tabel {#1} bukan peran tabel {#2}",
      "Pilih peran kolom yang dimiliki jenis tabel ini."}},
    {message_id::column_outside_table,
     "column_outside_table",
     {"role {#0} of table {#1} names column {#2}, outside the table (columns {#3} to {#4})",
      "Choose a column inside the table."},
     {"peran {#0} pada tabel {#1} menunjuk kolom {#2}, di luar tabel (kolom {#3} sampai {#4})",
      "Pilih kolom di dalam tabel."}},
    {message_id::required_column_missing,
     "required_column_missing",
     {"table {#0} needs a {#1} column to be a {#2} table",
      "Give the table that column, or choose another kind of table."},
     {"tabel {#0} memerlukan kolom {#1} untuk menjadi tabel {#2}",
      "Tentukan kolom itu untuk tabelnya, atau pilih jenis tabel lain."}},
    {message_id::no_kpi_tables,
     "no_kpi_tables",
     {"workbook has no table of orders, leads, campaigns, sessions, traffic or survey answers",
      "Put each table under a row of column headers, such as Date, Customer and Amount."},
     {"buku kerja tidak memiliki tabel pesanan, prospek, kampanye, sesi, trafik, atau jawaban survei",
      "Letakkan setiap tabel di bawah satu baris judul kolom, misalnya Tanggal, Pelanggan, dan Nominal."}},
};

/// Whether the rows of a table follow its ids, the first row's id being `first`.
template <class Row, std::size_t N> constexpr bool in_id_order(const Row (&rows)[N], std::size_t first)
{
    for (std::size_t i = 0; i < N; ++i)
        if (static_cast<std::size_t>(rows[i].id) != first + i)
            return false;
    return true;
}
static_assert(in_id_order(messages, 1), "the rows of the message table follow message_id");

// The context table, one row per context_id in its order (checked below): what Explain Error says about
// Calc's side of a cell, which the core never sees. The English texts are those the command has always
// shown; tests/integration/test_explain.py reads them in a real Calc.
constexpr context_message context_messages[] = {
    {context_id::argument_shows_error, "argument_shows_error",
     "{#0}: the argument {#1} ({#2}) shows {#3}: the error comes from there, not from {#0}, which Calc does "
     "not call with an error. Correct that cell or expression first.",
     "{#0}: argumen {#1} ({#2}) menampilkan {#3}: galatnya berasal dari sana, bukan dari {#0}, yang tidak "
     "dipanggil Calc dengan galat. Perbaiki dulu sel atau ekspresi itu."},
    {context_id::range_holds_error, "range_holds_error",
     "{#0}: the argument {#1} ({#2}) is a range that holds an error cell ({#3} in all), so Calc shows "
     "Err:504 without calling {#0}. Correct or remove the error cells of the range.",
     "{#0}: argumen {#1} ({#2}) adalah rentang yang berisi sel galat ({#3} sel), sehingga Calc menampilkan "
     "Galat:504 tanpa memanggil {#0}. Perbaiki atau hapus sel galat di rentang itu."},
    {context_id::no_value_here, "no_value_here", "{#0} has no value for this cell ({#1}).",
     "{#0} tidak memiliki nilai untuk sel ini ({#1})."},
    {context_id::array_padding, "array_padding",
     "{#1} beyond {#0}'s result: the array formula's range is larger than the result, and Calc fills the "
     "extra cells with #N/A. Select a range of the result's size.",
     "{#1} di luar hasil {#0}: rentang rumus array lebih besar daripada hasilnya, dan Calc mengisi sel "
     "sisanya dengan #N/A. Pilih rentang seukuran hasilnya."},
    {context_id::error_outside, "error_outside",
     "{#1} does not come from a KPI function: {#0} computed without an error. It comes from the rest of the "
     "formula.",
     "{#1} tidak berasal dari fungsi KPI: {#0} dihitung tanpa galat. Galatnya berasal dari bagian lain "
     "rumus."},
    {context_id::not_an_error, "not_an_error", "The cell {#0} shows no error: there is nothing to explain.",
     "Sel {#0} tidak menampilkan galat: tidak ada yang perlu dijelaskan."},
    {context_id::no_kpi_function, "no_kpi_function",
     "The cell {#0} shows {#1}, but its formula calls no KPI function. Explain Error explains the errors of "
     "KPI functions only.",
     "Sel {#0} menampilkan {#1}, tetapi rumusnya tidak memanggil fungsi KPI. Jelaskan Galat hanya "
     "menjelaskan galat fungsi KPI."},
    {context_id::protected_sheet, "protected_sheet",
     "The cell {#0} shows {#1} from a KPI function, but its sheet is protected: Explain Error computes the "
     "formula again in its cell, which a protected sheet does not allow. Unprotect the sheet (Sheet > "
     "Protect Sheet) and explain the error again.",
     "Sel {#0} menampilkan {#1} dari fungsi KPI, tetapi lembarnya diproteksi: Jelaskan Galat menghitung "
     "ulang "
     "rumus di selnya, dan lembar yang diproteksi tidak mengizinkannya. Buka proteksi lembar (Lembar > "
     "Proteksi Lembar) lalu jelaskan galatnya lagi."},
    {context_id::cannot_compute, "cannot_compute",
     "The cell {#0} shows {#1} from a KPI function, but its formula could not be computed again to find the "
     "reason: {#2}",
     "Sel {#0} menampilkan {#1} dari fungsi KPI, tetapi rumusnya tidak dapat dihitung ulang untuk mencari "
     "alasannya: {#2}"},
    {context_id::no_cell, "no_cell", "Select a cell to explain its error.",
     "Pilih sel untuk menjelaskan galatnya."},
    {context_id::command_title, "command_title", "Explain Error", "Jelaskan Galat"},
};

static_assert(in_id_order(context_messages, 0) &&
                  std::size(context_messages) == static_cast<std::size_t>(context_id::command_title) + 1,
              "the rows of the context table follow context_id, one for each");

/// The shortest text that reads back as the same double: -5 as "-5", 0.1 as "0.1"; infinities as "inf".
std::string format_number(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc{} ? std::string(buffer.data(), end) : std::string("?");
}

/// An argument's name in a language: the core's English name, or the Indonesian name the function table
/// gives it (the English one when the table has no such argument).
std::string_view name_in(std::string_view function, std::string_view english, language lang)
{
    if (lang == language::en)
        return english;
    return indonesian_argument_name(function, english).value_or(english);
}

/// The template with its placeholders filled: {0}, {1}, {2} by `name_of` the parameter, {#0} ... by the
/// parameter as it is. A placeholder without its parameter stays as written, so that a missing one shows.
template <class NameOf>
std::string fill(std::string_view text, const std::vector<std::string>& parameters, NameOf name_of)
{
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            const bool verbatim = i + 1 < text.size() && text[i + 1] == '#';
            const std::size_t digit = i + (verbatim ? 2 : 1);
            if (digit + 1 < text.size() && text[digit] >= '0' && text[digit] <= '9' &&
                text[digit + 1] == '}') {
                const auto index = static_cast<std::size_t>(text[digit] - '0');
                if (index < parameters.size()) {
                    out.append(verbatim ? std::string_view(parameters[index]) : name_of(parameters[index]));
                    i = digit + 1;
                    continue;
                }
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

/// The value as a reader of the language writes it: 0.5 in English, 0,5 in Indonesian (a decimal comma; no
/// digit grouping in either, as the English messages have always written it: 20240115).
std::string number_in(double value, language lang)
{
    std::string text = format_number(value);
    if (lang == language::id)
        std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

/// The message in one language: "<function>: <reason> (got <value>)", the arguments named in it.
std::string reason_in(const message_text& text, const error_details* details, language lang)
{
    static const std::vector<std::string> no_parameters;
    const auto& parameters = details ? details->parameters : no_parameters;
    const std::string_view function = details ? std::string_view(details->function) : std::string_view();
    std::string out;
    if (!function.empty())
        out.append(function).append(": ");
    out.append(
        fill(text.reason, parameters, [&](std::string_view name) { return name_in(function, name, lang); }));
    if (details && details->value)
        out.append(lang == language::id ? " (nilainya " : " (got ")
            .append(number_in(*details->value, lang))
            .append(")");
    return out;
}

} // namespace

std::span<const context_message> context_table() noexcept
{
    return context_messages;
}

const context_message& find_context_message(context_id id) noexcept
{
    return context_messages[static_cast<std::size_t>(id)];
}

std::span<const message> message_table() noexcept
{
    return messages;
}

const message* find_message(message_id id) noexcept
{
    const auto index = static_cast<std::size_t>(id);
    return index >= 1 && index <= std::size(messages) ? &messages[index - 1] : nullptr;
}

std::optional<std::string_view> indonesian_argument_name(std::string_view function,
                                                         std::string_view english_name) noexcept
{
    for (const detail::argument_name& name : detail::argument_names())
        if (name.function == function && name.english == english_name)
            return name.indonesian;
    return std::nullopt;
}

std::vector<std::string_view> argument_names_in(const error& failure)
{
    std::vector<std::string_view> names;
    const message* row = find_message(failure.id);
    if (!row || !failure.details)
        return names;
    const auto& parameters = failure.details->parameters;
    const auto collect = [&](std::string_view name) {
        if (std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
        return name;
    };
    for (const message_text& text : {row->english, row->indonesian}) {
        (void)fill(text.reason, parameters, collect);
        (void)fill(text.hint, parameters, collect);
    }
    return names;
}

error fail(error_kind kind, message_id id, std::string_view function,
           std::initializer_list<std::string_view> parameters, std::optional<double> value)
{
    auto details = std::make_shared<error_details>();
    details->function = function;
    details->parameters.assign(parameters.begin(), parameters.end());
    details->value = value;
    const message* row = find_message(id);
    std::string text = row ? reason_in(row->english, details.get(), language::en) : std::string(function);
    return error{kind, id, std::move(text), std::move(details)};
}

error fail(error_kind kind, std::string_view function, std::string_view argument, std::string_view problem,
           std::optional<double> value)
{
    std::string message;
    message.reserve(function.size() + argument.size() + problem.size() + 24);
    message.append(function).append(": ");
    if (!argument.empty())
        message.append(argument).append(" ");
    message.append(problem);
    if (value)
        message.append(" (got ").append(format_number(*value)).append(")");
    return error{kind, message_id::none, std::move(message)};
}

std::string explain(const error& failure, language lang)
{
    const message_id id =
        failure.id == message_id::none && failure.kind == error_kind::internal && failure.message.empty()
            ? message_id::internal_failure
            : failure.id;
    const message* row = find_message(id);
    if (!row)
        return failure.message;
    const message_text& text = lang == language::id ? row->indonesian : row->english;
    const error_details* details = failure.details.get();
    std::string out = reason_in(text, details, lang);
    if (!out.empty() && out.front() >= 'a' && out.front() <= 'z') // a reason without its function's name
        out.front() = static_cast<char>(out.front() - 'a' + 'A');
    static const std::vector<std::string> no_parameters;
    const std::string_view function = details ? std::string_view(details->function) : std::string_view();
    out.append(". ").append(fill(text.hint, details ? details->parameters : no_parameters,
                                 [&](std::string_view name) { return name_in(function, name, lang); }));
    return out;
}

std::string explain(context_id id, language lang, std::initializer_list<context_parameter> parameters)
{
    std::vector<std::string> texts;
    texts.reserve(parameters.size());
    for (const context_parameter& parameter : parameters) {
        if (const double* number = std::get_if<double>(&parameter))
            texts.push_back(number_in(*number, lang));
        else
            texts.emplace_back(std::get<std::string_view>(parameter));
    }
    const context_message& row = find_context_message(id);
    return fill(lang == language::id ? row.indonesian : row.english, texts,
                [](std::string_view name) { return name; });
}

} // namespace kpi
