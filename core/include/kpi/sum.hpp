// Compensated summation, so that the SUM of a range computed here equals Calc's own SUM (which uses
// Kahan-Babuska-Neumaier summation since LibreOffice 7.2) to the last bits.
#pragma once

#include <cmath>

namespace kpi {

/// Neumaier's improved Kahan summation: add values one at a time, read the total with value().
class compensated_sum
{
public:
    void add(double x) noexcept
    {
        const double t = sum_ + x;
        if (std::fabs(sum_) >= std::fabs(x))
            compensation_ += (sum_ - t) + x;
        else
            compensation_ += (x - t) + sum_;
        sum_ = t;
    }
    [[nodiscard]] double value() const noexcept { return sum_ + compensation_; }

private:
    double sum_ = 0.0;
    double compensation_ = 0.0;
};

} // namespace kpi
