// The command-line options of remote shards (remote_shards.h), shared by dateline-query and
// dateline-serve: --shard-timeout MS and --allow-partial.
#pragma once

#include "remote_shards.h"

#include <CLI/CLI.hpp>

namespace dateline::query {

inline void add_remote_options(CLI::App& app, RemoteOptions& remote) {
    app.add_option("--shard-timeout", remote.timeout_ms,
                   "Milliseconds a remote shard may take to connect or to answer (default 10000)")
        ->check(CLI::PositiveNumber);
    app.add_flag("--allow-partial", remote.allow_partial,
                 "When a remote shard does not answer, answer from the others (\"partial\": true)");
}

} // namespace dateline::query
