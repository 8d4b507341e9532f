// RAII for the libxml2 resources that the HTML extractor and the XML readers (feeds, NITF,
// NewsML-G2) share: XmlDocPtr owns a parsed document; QuietErrors silences libxml2's generic error
// handler for the current thread while it lives (libxml2 reports encoding problems, "input
// conversion failed", on stderr through it even with HTML_PARSE_NOERROR / XML_PARSE_NOERROR).
#pragma once

#include <libxml/globals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <memory>

namespace dateline::extract {

struct XmlDocDeleter {
    void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

class QuietErrors {
  public:
    QuietErrors() : handler_(xmlGenericError), context_(xmlGenericErrorContext) {
        xmlSetGenericErrorFunc(nullptr, ignore);
    }
    ~QuietErrors() { xmlSetGenericErrorFunc(context_, handler_); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;

  private:
    static void ignore(void*, const char*, ...) {}
    xmlGenericErrorFunc handler_;
    void* context_;
};

} // namespace dateline::extract
