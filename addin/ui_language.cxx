#include "ui_language.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/uno/Sequence.hxx>

namespace kpi::calc {

language ui_language(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    namespace uno = css::uno;
    try {
        const uno::Reference<css::lang::XMultiServiceFactory> provider =
            css::configuration::theDefaultProvider::get(context);
        uno::Sequence<uno::Any> arguments(1);
        arguments.getArray()[0] <<=
            css::beans::NamedValue("nodepath", uno::Any(rtl::OUString("/org.openoffice.Setup/L10N")));
        const uno::Reference<css::container::XNameAccess> access(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                  arguments),
            uno::UNO_QUERY_THROW);
        rtl::OUString locale;
        access->getByName("ooLocale") >>= locale;
        return locale.startsWithIgnoreAsciiCase("id") ? language::id : language::en;
    } catch (const uno::Exception&) {
        return language::en;
    }
}

} // namespace kpi::calc
