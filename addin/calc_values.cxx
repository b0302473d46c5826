#include "calc_values.hxx"

#include <kpi/sum.hpp>

#include <com/sun/star/uno/Sequence.hxx>

#include <bit>
#include <cmath>

namespace uno = css::uno;

namespace kpi::calc {

namespace {

constexpr std::uint64_t quiet_nan_bits = 0x7ff8'0000'0000'0000;

using cell_rows = uno::Sequence<uno::Sequence<uno::Any>>;

} // namespace

double error_value(std::uint32_t code) noexcept
{
    return std::bit_cast<double>(quiet_nan_bits | code);
}

std::optional<std::uint32_t> error_code_of(double value) noexcept
{
    if (!std::isnan(value))
        return std::nullopt;
    return static_cast<std::uint32_t>(std::bit_cast<std::uint64_t>(value) & 0xffff'ffff);
}

double to_calc(const result<double>& outcome) noexcept
{
    if (!outcome)
        return error_value(calc_error_code(outcome.error().kind));
    if (!std::isfinite(*outcome))
        return error_value(calc_error_code(error_kind::no_result));
    return *outcome;
}

void arguments::record(error e)
{
    if (!failure_)
        failure_ = std::move(e);
}

double arguments::number(const uno::Any& value, std::string_view argument)
{
    switch (value.getValueTypeClass()) {
    case uno::TypeClass_DOUBLE:
        return *static_cast<const double*>(value.getValue());
    case uno::TypeClass_BOOLEAN:
        return *static_cast<const sal_Bool*>(value.getValue()) ? 1.0 : 0.0;
    case uno::TypeClass_VOID:
        record(fail(error_kind::wrong_type, function_, argument, "is missing"));
        return 0.0;
    case uno::TypeClass_STRING:
        record(fail(error_kind::wrong_type, function_, argument, "is text, not a number"));
        return 0.0;
    case uno::TypeClass_SEQUENCE:
        if (value.getValueType() == cppu::UnoType<cell_rows>::get()) {
            // Read in place: no copy of the range, no allocation per cell.
            const auto& rows = *static_cast<const cell_rows*>(value.getValue());
            compensated_sum total;
            for (const auto& row : rows)
                for (const auto& cell : row)
                    if (cell.getValueTypeClass() == uno::TypeClass_DOUBLE)
                        total.add(*static_cast<const double*>(cell.getValue()));
            return total.value();
        }
        break;
    default:
        if (double number = 0; value >>= number) // other numeric types: long, float ...
            return number;
        break;
    }
    record(fail(error_kind::wrong_type, function_, argument, "is not a number or a range of numbers"));
    return 0.0;
}

} // namespace kpi::calc
