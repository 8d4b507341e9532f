// RAII for the libxml2 resources that the HTML extractor and the XML readers (feeds, NITF,
// NewsML-G2) share: XmlDocPtr owns a parsed document; QuietErrors takes over libxml2's generic
// error handler for the current thread while it lives. libxml2 reports encoding problems ("input
// conversion failed") there, on stderr, even with HTML_PARSE_NOERROR / XML_PARSE_NOERROR; instead,
// the first such line is kept for the caller's error message.
#pragma once

#include <cstdarg>
#include <cstdio>
#include <libxml/globals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <memory>
#include <string>

namespace dateline::extract {

struct XmlDocDeleter {
    void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

class QuietErrors {
  public:
    QuietErrors() : handler_(xmlGenericError), context_(xmlGenericErrorContext) {
        xmlSetGenericErrorFunc(this, keep_first_line);
    }
    ~QuietErrors() { xmlSetGenericErrorFunc(context_, handler_); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;

    // The first line libxml2 reported meanwhile, without its end of line ("" when none).
    const std::string& first_line() const { return first_line_; }

  private:
    static void keep_first_line(void* self, const char* format, ...) {
        auto& quiet = *static_cast<QuietErrors*>(self);
        if (quiet.complete_) return;
        char piece[256];
        va_list args;
        va_start(args, format);
        std::vsnprintf(piece, sizeof piece, format, args);
        va_end(args);
        for (const char* c = piece; *c != '\0'; ++c) {
            if (*c == '\n' || quiet.first_line_.size() >= 200) {
                quiet.complete_ = true;
                return;
            }
            quiet.first_line_ += *c;
        }
    }

    xmlGenericErrorFunc handler_;
    void* context_;
    std::string first_line_;
    bool complete_ = false;
};

} // namespace dateline::extract
