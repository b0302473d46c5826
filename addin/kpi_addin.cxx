// The UNO component of the add-in service "KPI": one line of glue per function, from Calc's arguments to
// the core and back. Argument conversion and every Calc error live in calc_values.cxx.
#include "calc_values.hxx"

#include <kpi/ratios.hpp>

#include <org/kpifunctions/XKpiFunctions.hpp>

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XSingleComponentFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <uno/lbnames.h>

namespace uno = css::uno;
using kpi::calc::arguments;
using rtl::OUString;

namespace {

constexpr char implementation_name[] = "org.kpifunctions.KPI";
// Calc stores a formula as <service>.<METHOD>; this service name makes that KPI.ROI(...).
constexpr char service_name[] = "KPI";

class KpiAddIn : public cppu::WeakImplHelper2<org::kpifunctions::XKpiFunctions, css::lang::XServiceInfo>
{
public:
    // XKpiFunctions
    double SAL_CALL conversion(const uno::Any& conversions, const uno::Any& leads) override
    {
        arguments args{"KPI.CONVERSION"};
        return args.call(kpi::conversion_rate, args.number(conversions, "conversions"),
                         args.number(leads, "leads"));
    }

    double SAL_CALL roi(const uno::Any& gain, const uno::Any& cost) override
    {
        arguments args{"KPI.ROI"};
        return args.call(kpi::return_on_investment, args.number(gain, "gain"), args.number(cost, "cost"));
    }

    double SAL_CALL retention(const uno::Any& customers_start, const uno::Any& customers_end,
                              const uno::Any& new_customers) override
    {
        arguments args{"KPI.RETENTION"};
        return args.call(kpi::retention_rate, args.number(customers_start, "customers_start"),
                         args.number(customers_end, "customers_end"),
                         args.number(new_customers, "new_customers"));
    }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override
    {
        return OUString::createFromAscii(implementation_name);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        return uno::Sequence<OUString>(&static_service_name(), 1);
    }

    static const OUString& static_service_name()
    {
        static const OUString name = OUString::createFromAscii(service_name);
        return name;
    }
};

uno::Reference<uno::XInterface> SAL_CALL create_instance(const uno::Reference<uno::XComponentContext>&)
{
    return static_cast<cppu::OWeakObject*>(new KpiAddIn);
}

} // namespace

extern "C" {

SAL_DLLPUBLIC_EXPORT void SAL_CALL component_getImplementationEnvironment(const char** environment_type_name,
                                                                          uno_Environment**)
{
    *environment_type_name = CPPU_CURRENT_LANGUAGE_BINDING_NAME;
}

SAL_DLLPUBLIC_EXPORT void* SAL_CALL component_getFactory(const char* name, void* service_manager, void*)
{
    if (service_manager == nullptr || rtl_str_compare(name, implementation_name) != 0)
        return nullptr;
    uno::Sequence<OUString> services(&KpiAddIn::static_service_name(), 1);
    uno::Reference<css::lang::XSingleComponentFactory> factory = cppu::createSingleComponentFactory(
        create_instance, OUString::createFromAscii(implementation_name), services);
    if (!factory.is())
        return nullptr;
    factory->acquire();
    return factory.get();
}

} // extern "C"
