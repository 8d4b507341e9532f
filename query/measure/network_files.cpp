#include "network_files.h"

#include "../errors.h"
#include "../printers/printers.h"
#include "xml_text.h"

#include <fstream>
#include <ostream>

namespace dateline::query {

namespace {

void write_graphml(std::ostream& out, const Network& network) {
    out << R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="count" for="node" attr.name="count" attr.type="int"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="cooccurrence" edgedefault="undirected">
)";
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
        const auto& n = network.nodes[i];
        out << "    <node id=\"n" << i << "\"><data key=\"label\">" << xml_escape(n.label)
            << "</data><data key=\"type\">" << n.type << "</data><data key=\"count\">" << n.count
            << "</data></node>\n";
    }
    for (std::size_t i = 0; i < network.edges.size(); ++i) {
        const auto& e = network.edges[i];
        out << "    <edge id=\"e" << i << "\" source=\"n" << e.source << "\" target=\"n" << e.target
            << "\"><data key=\"weight\">" << e.weight << "</data></edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
}

void write_gexf(std::ostream& out, const Network& network) {
    out << R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <meta><creator>dateline-query</creator><description>Entities appearing together in the matching articles</description></meta>
  <graph mode="static" defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="type" title="type" type="string"/>
      <attribute id="count" title="count" type="integer"/>
    </attributes>
    <nodes>
)";
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
        const auto& n = network.nodes[i];
        out << "      <node id=\"n" << i << "\" label=\"" << xml_escape(n.label)
            << "\"><attvalues><attvalue for=\"type\" value=\"" << n.type
            << "\"/><attvalue for=\"count\" value=\"" << n.count << "\"/></attvalues></node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    for (std::size_t i = 0; i < network.edges.size(); ++i) {
        const auto& e = network.edges[i];
        out << "      <edge id=\"e" << i << "\" source=\"n" << e.source << "\" target=\"n"
            << e.target << "\" weight=\"" << e.weight << "\"/>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

} // namespace

NetworkFormat parse_network_format(std::string_view name) {
    if (name == "graphml") return NetworkFormat::graphml;
    if (name == "gexf") return NetworkFormat::gexf;
    if (name == "json") return NetworkFormat::json;
    throw UsageError("unknown network format '" + std::string(name) +
                     "': expected graphml, gexf or json");
}

NetworkFormat network_format_for(std::string_view path) {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos)
        throw UsageError("--network " + std::string(path) +
                         ": name the file .graphml, .gexf or .json");
    return parse_network_format(path.substr(dot + 1));
}

void write_network(std::ostream& out, const Network& network, NetworkFormat format) {
    switch (format) {
    case NetworkFormat::graphml:
        return write_graphml(out, network);
    case NetworkFormat::gexf:
        return write_gexf(out, network);
    case NetworkFormat::json:
        out << json_shape::dump(json_shape::network_document(network), 2) << '\n';
        return;
    }
}

void write_network_file(const std::string& path, const Network& network) {
    const NetworkFormat format = network_format_for(path);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw UsageError("cannot write " + path);
    write_network(out, network, format);
    out.flush();
    if (!out) throw UsageError("cannot write " + path);
}

} // namespace dateline::query
