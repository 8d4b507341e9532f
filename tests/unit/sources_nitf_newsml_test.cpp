// NITF and NewsML-G2 readers: field mapping, dates, bodies, numbering of newsMessage items.
#include "indexer/inputs.h"
#include "indexer/sources/nitf_reader.h"
#include "indexer/sources/source.h"
#include "sources_collect.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace dateline;

namespace {

using testing::Collected;

Collected read_bytes(std::string bytes, const std::string& name = "story.xml") {
    return testing::read_bytes(std::move(bytes), name);
}

const char* nitf = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.5//EN" "http://www.nitf.org/IPTC/NITF/3.5/specification/dtd/nitf-3-5.dtd">
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" xml:lang="en-GB">
 <head><title>Head title</title>
  <docdata><doc-id id-string="wire-42"/><date.issue norm="20210317T101500+0100"/>
   <key-list><keyword key="grain"/><keyword key="Grain"/><keyword key="harvest"/></key-list>
   <evloc city="Kyiv" iso-cc="UA"/>
   <doc.copyright holder="Example Wire"/></docdata>
 </head>
 <body>
  <body.head>
   <hedline><hl1>Wheat  harvest begins early</hl1><hl2>Farmers cite warm spring</hl2></hedline>
   <byline>By Jane Roe and Ola Nordmann, <byttl>Staff Writers</byttl></byline>
   <dateline><location><city>Odesa</city><country>Ukraine</country></location></dateline>
  </body.head>
  <body.content>
   <p>First paragraph.</p>
   <media media-type="image"><media-caption>A caption</media-caption></media>
   <block><p>Second <em>paragraph</em>.</p></block>
  </body.content>
 </body>
</nitf>)";

} // namespace

TEST_CASE("nitf: head, docdata and body map to the article") {
    auto c = read_bytes(nitf, "story.data"); // the root element tells, not the name
    CHECK(c.rejects.empty());
    REQUIRE(c.items.size() == 1);
    CHECK(c.items[0].location() == "story.data");
    const Article& a = c.article(0);
    CHECK(a.title == "Wheat harvest begins early");
    CHECK(a.id == "wire-42");
    REQUIRE(a.published);
    CHECK(a.published->seconds == 1615972500); // 10:15 +01:00 = 09:15 UTC
    CHECK(a.authors == std::vector<std::string>{"Jane Roe", "Ola Nordmann"});
    CHECK(a.tags == std::vector<std::string>{"grain", "harvest", "Kyiv", "Odesa", "Ukraine"});
    CHECK(a.description == "Farmers cite warm spring");
    CHECK(a.body == "First paragraph.\n\nSecond paragraph.");
    CHECK(a.source == "Example Wire");
    CHECK(a.language == "en");
}

TEST_CASE("nitf: byline persons, head title fallback, dates in basic ISO 8601") {
    auto c = read_bytes(
        R"(<nitf><head><title>Only head</title><docdata><date.issue norm="20210317"/></docdata></head>
        <body><body.head><byline>By <person>A. Writer</person> in <location>Oslo</location></byline></body.head>
        <body.content><p>Text.</p></body.content></body></nitf>)");
    REQUIRE(c.items.size() == 1);
    const Article& a = c.article(0);
    CHECK(a.title == "Only head");
    CHECK(a.authors == std::vector<std::string>{"A. Writer"});
    CHECK(a.published->precision == Timestamp::Precision::day);
    CHECK(parse_nitf_date("20210317T101500Z")->seconds == 1615976100);
    CHECK(parse_nitf_date("20210317T1015Z")->seconds == 1615976100);
    CHECK(parse_nitf_date("2021-03-17T10:15:00Z")->seconds == 1615976100);
    CHECK_FALSE(parse_nitf_date("20211317T101500Z"));
    auto bad = read_bytes(R"(<nitf><head><docdata><date.issue norm="sometime"/></docdata></head>
        <body><body.content><p>x</p></body.content></body></nitf>)",
                          "bad.nitf");
    CHECK(bad.items.empty());
    REQUIRE(bad.rejects.size() == 1);
    CHECK(bad.rejects[0] == "bad.nitf: unparseable date.issue 'sometime'");
}

TEST_CASE("newsml-g2: a newsItem with contentMeta and XHTML content") {
    auto c = read_bytes(R"(<?xml version="1.0"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:x:1" version="3" standard="NewsML-G2" xml:lang="fr">
 <itemMeta><itemClass qcode="ninat:text"/><provider><name>Agence Exemple</name></provider>
  <versionCreated>2021-03-17T12:00:00Z</versionCreated><firstCreated>2021-03-17T08:00:00Z</firstCreated>
  <link rel="irel:canonical" href="https://agence.example/1"/></itemMeta>
 <contentMeta><contentCreated>2021-03-17T09:00:00+01:00</contentCreated>
  <creator><name>Claire Dupont</name></creator><creator literal="Marc Petit"/>
  <subject qcode="medtop:04000000"><name xml:lang="fr">économie</name></subject><subject qcode="medtop:1"/>
  <keyword>blé</keyword><located><name>Lyon</name></located>
  <headline>Le blé monte</headline><description>Résumé.</description></contentMeta>
 <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">
  <head><title>ignored</title></head><body><p>Premier.</p><p>Second.</p></body></html></inlineXML></contentSet>
</newsItem>)");
    CHECK(c.rejects.empty());
    REQUIRE(c.items.size() == 1);
    CHECK(c.items[0].record.empty());
    const Article& a = c.article(0);
    CHECK(a.id == "urn:newsml:x:1");
    CHECK(a.title == "Le blé monte");
    CHECK(a.description == "Résumé.");
    CHECK(a.published->seconds == 1615968000); // 08:00 UTC
    CHECK(a.updated->seconds == 1615982400);
    CHECK(a.authors == std::vector<std::string>{"Claire Dupont", "Marc Petit"});
    CHECK(a.tags == std::vector<std::string>{"économie", "blé", "Lyon"});
    CHECK(a.language == "fr");
    CHECK(a.source == "Agence Exemple");
    CHECK(a.url == "https://agence.example/1");
    CHECK(a.body == "Premier.\n\nSecond.");
}

TEST_CASE(
    "newsml-g2: newsMessage items are numbered; NITF and inlineData bodies; bad items rejected") {
    auto c = read_bytes(
        R"(<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2021-01-01T00:00:00Z</sent></header>
<itemSet>
 <newsItem guid="a"><itemMeta><versionCreated>2021-03-17T12:00:00Z</versionCreated></itemMeta>
  <contentMeta><headline>With NITF</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body>
   <body.head><byline>By <person>N. Itf</person></byline></body.head>
   <body.content><p>Nitf one.</p><p>Nitf two.</p></body.content></body></nitf></inlineXML></contentSet></newsItem>
 <packageItem guid="p"/>
 <newsItem guid="b"><contentMeta><headline>Plain</headline></contentMeta>
  <contentSet><inlineData contenttype="text/plain">Line one
continues.

Second paragraph.</inlineData></contentSet></newsItem>
 <newsItem guid="c"><contentMeta></contentMeta></newsItem>
 <newsItem guid="d"><contentMeta><headline>Bad</headline><contentCreated>never</contentCreated></contentMeta></newsItem>
</itemSet></newsMessage>)",
        "msg.xml");
    REQUIRE(c.items.size() == 2);
    CHECK(c.items[0].location() == "msg.xml:1");
    CHECK(c.article(0).body == "Nitf one.\n\nNitf two.");
    CHECK(c.article(0).authors == std::vector<std::string>{"N. Itf"});
    CHECK(c.article(0).published == c.article(0).updated);
    CHECK(c.items[1].location() == "msg.xml:2");
    CHECK(c.article(1).body == "Line one continues.\n\nSecond paragraph.");
    REQUIRE(c.rejects.size() == 2);
    CHECK(c.rejects[0] == "msg.xml:3: no title and no text");
    CHECK(c.rejects[1] == "msg.xml:4: unparseable contentCreated 'never'");
}
