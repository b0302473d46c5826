// Boost.JSON's implementation, compiled once here for the whole extension (header-only use of the
// library: Debian's libboost-json is not a dependency of the .oxt). Others include <boost/json.hpp> and
// link kpi::core.
#include <boost/json/src.hpp>
