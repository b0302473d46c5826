#include <kpi/ids.hpp>

#include <gtest/gtest.h>

namespace {

TEST(IdTable, TrimmedCaseInsensitiveIdsAreOne)
{
    kpi::id_table ids;
    const auto ana = ids.add_utf8("ana@x.id");
    EXPECT_EQ(ids.add_utf8(" Ana@X.ID "), ana);
    EXPECT_EQ(ids.add_text(u"\tANA@x.id\u00a0"), ana); // tab and no-break space trimmed
    EXPECT_EQ(ids.size(), 1u);
}

TEST(IdTable, PlainAsciiIdsMeetTheSameIdsWrittenOtherwise)
{
    // Plain ASCII text takes a shorter path; it must give what the general one gives.
    kpi::id_table ids;
    const auto order = ids.add_text(u"INV/2026/03/0042");
    EXPECT_EQ(ids.add_text(u"inv/2026/03/0042\u00a0"), order); // a trailing no-break space: the general path
    EXPECT_EQ(ids.add_utf8("Inv/2026/03/0042\r\n"), order);
    EXPECT_EQ(ids.add_text(u"\u3000INV/2026/03/0042"), order); // an ideographic space before it
    EXPECT_NE(ids.add_text(u"INV/2026/03/0042\u00c9"), order);
    EXPECT_EQ(ids.add_text(u"[\\]^_`@{|}~"), ids.add_utf8("[\\]^_`@{|}~")); // around the letters: unchanged
    EXPECT_NE(ids.add_text(u"@"), ids.add_text(u"`"));
    EXPECT_EQ(ids.add_text(u"Z"), ids.add_utf8("z"));
    EXPECT_EQ(ids.size(), 6u);
}

TEST(IdTable, InnerSpacesMatter)
{
    kpi::id_table ids;
    EXPECT_NE(ids.add_utf8("PT Maju Jaya"), ids.add_utf8("PT MajuJaya"));
}

TEST(IdTable, NumbersEqualTheTextOfTheirDigits)
{
    kpi::id_table ids;
    const auto n = ids.add_number(123);
    EXPECT_EQ(ids.add_utf8("123"), n);
    EXPECT_EQ(ids.add_text(u" 123 "), n);
    EXPECT_NE(ids.add_utf8("0123"), n); // a text with a leading zero is another ID
    EXPECT_EQ(ids.add_number(1.5), ids.add_utf8("1.5"));
    EXPECT_EQ(ids.add_number(-7), ids.add_utf8("-7"));
}

TEST(IdTable, LargeAndSmallNumbersAreWrittenInPlainDigits)
{
    kpi::id_table ids;
    EXPECT_EQ(ids.add_number(1e15), ids.add_utf8("1000000000000000"));
    EXPECT_EQ(ids.add_number(9007199254740992.0), ids.add_utf8("9007199254740992")); // 2^53
    EXPECT_EQ(ids.add_number(0.0001), ids.add_utf8("0.0001"));
    EXPECT_NE(ids.add_number(1e300), kpi::id_table::no_id);
}

TEST(IdTable, EmptyAndBlankAreNoId)
{
    kpi::id_table ids;
    EXPECT_EQ(ids.add_utf8(""), kpi::id_table::no_id);
    EXPECT_EQ(ids.add_text(u"   "), kpi::id_table::no_id);
    EXPECT_EQ(ids.size(), 0u);
}

TEST(IdTable, LatinLettersFoldCase)
{
    kpi::id_table ids;
    EXPECT_EQ(ids.add_text(u"\u00c9LODIE"), ids.add_utf8("\u00e9lodie")); // É = é
    EXPECT_EQ(ids.add_text(u"\u0160EFI"), ids.add_utf8("\u0161efi"));     // Š = š
    EXPECT_NE(ids.add_text(u"\u0130"), ids.add_text(u"\u0131"));          // dotted İ is not dotless ı
}

TEST(IdTable, IndicesAreDenseInOrderOfFirstAppearance)
{
    kpi::id_table ids;
    EXPECT_EQ(ids.add_utf8("b"), 0u);
    EXPECT_EQ(ids.add_utf8("a"), 1u);
    EXPECT_EQ(ids.add_utf8("B"), 0u);
    EXPECT_EQ(ids.find_utf8("A"), 1u);
    EXPECT_EQ(ids.find_utf8("c"), kpi::id_table::no_id);
}

TEST(IdTable, ManyLongIdsSurviveTheArenaGrowing)
{
    kpi::id_table ids;
    for (int i = 0; i < 20000; ++i)
        (void)ids.add_utf8("customer-with-a-long-email-address-" + std::to_string(i) + "@example.co.id");
    EXPECT_EQ(ids.size(), 20000u);
    EXPECT_EQ(ids.find_utf8("CUSTOMER-WITH-A-LONG-EMAIL-ADDRESS-17@example.co.id"), 17u);
}

} // namespace
