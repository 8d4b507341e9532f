// The co-occurrence network (measure.h) as a file Gephi and networkx open:
//   GraphML  (http://graphml.graphdrawing.org/xmlns, valid against graphml.xsd 1.0): an
//            undirected graph; node keys label, type (person/organization/place), count
//            (articles); edge key weight (articles mentioning both).
//   GEXF 1.2 (http://www.gexf.net/1.2draft): the same, type and count as node attributes, the
//            weight on each edge.
//   JSON     json_shape::network_document: {"schema_version", "nodes", "edges"}.
// Node ids are n0, n1... in the order of the nodes, edge ids e0, e1... heaviest first.
#pragma once

#include "measure.h"

#include <iosfwd>
#include <string>
#include <string_view>

namespace dateline::query {

enum class NetworkFormat { graphml, gexf, json };

// By the file name's extension (.graphml, .gexf, .json); throws UsageError otherwise.
NetworkFormat network_format_for(std::string_view path);
// "graphml", "gexf", "json"; throws UsageError otherwise.
NetworkFormat parse_network_format(std::string_view name);

void write_network(std::ostream& out, const Network& network, NetworkFormat format);

// Writes the file (replacing it); throws UsageError naming the path when it cannot be written.
void write_network_file(const std::string& path, const Network& network);

} // namespace dateline::query
