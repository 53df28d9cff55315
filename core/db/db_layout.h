/** @file @brief Where in a database folder the index really is, so that `--rebuild` can
 *  replace it atomically for searchers.
 *
 *  A database folder made by this version holds a Xapian stub file, XAPIANDB, whose one
 *  line `auto gen-N` names the generation sub-folder with the index. Xapian opens such a
 *  folder as that index (checked on 1.4.22), so searchers and `quest -d DIR` need to know
 *  nothing of it. A rebuild writes gen-N+1 beside gen-N and then renames a new stub over
 *  the old one: rename(2) is atomic, so a searcher opens either the old complete index or
 *  the new complete one, never a half-built one; a searcher that already has gen-N open
 *  keeps reading it (its files stay alive until it closes them).
 *
 *  A folder made by v1 is itself a glass database ("plain"). It is written in place; a
 *  rebuild builds gen-1 inside it, writes the stub, and then renames its `iamglass` file
 *  away: Xapian prefers glass to a stub while `iamglass` is there (checked on 1.4.22), so
 *  that rename is the atomic switch, after which the old glass files are removed.
 *
 *  A sharded database (--shards N, N > 1) keeps its N glass shards in gen-N/shard-0 ...
 *  gen-N/shard-(N-1), and the stub has one `auto gen-N/shard-K` line per shard: Xapian
 *  opens such a stub as all the shards together (checked on 1.4.22), so searchers, `quest`
 *  and `xapian-delve` need to know nothing of it either, and the rename of the stub still
 *  switches every shard at once. An existing database keeps its shard count; a rebuild may
 *  choose another. */
#pragma once

#include <string>
#include <vector>

namespace newsdex {

class DbLayout {
  public:
    /// Inspects (and for a new database, creates) the folder `root`. With rebuild, the
    /// index to write is a new, empty generation that searchers do not see until publish().
    /// Leftovers of an interrupted rebuild are removed first. The caller must hold the
    /// folder's IndexLock. Throws Error(Database) when root is not a usable folder.
    /// `shards` is the count for a new database or a rebuild; an existing one keeps its own.
    DbLayout(std::string root, bool rebuild, unsigned shards = 1);

    /// The folder of the (first) glass database to open for writing.
    const std::string& write_path() const { return write_paths_.front(); }
    /// The folders of every shard, in stub order (shard K at index K).
    const std::vector<std::string>& write_paths() const { return write_paths_; }
    unsigned shards() const { return static_cast<unsigned>(write_paths_.size()); }
    const std::string& root() const { return root_; }
    bool rebuilding() const { return rebuild_; }

    /// For a rebuild: points the stub at write_path() (atomically), then removes the
    /// previous index. Call after the last commit. Does nothing otherwise.
    void publish();

    /// For a new database (not a rebuild): points the stub at write_path(), so that
    /// searchers see each commit of the first run. Call once the index exists there.
    void publish_new();

    /// True when this run writes a whole generation (a new database or a rebuild), which
    /// can then be compacted into the next one.
    bool fresh() const { return fresh_; }
    /// For a fresh generation, after its last commit: the folders of the next generation's
    /// `shards` shards, into which the caller compacts write_paths() (one each, or all of
    /// them merged into one); publish_compacted() then points searchers at them
    /// (atomically) and removes what they replace.
    std::vector<std::string> compaction_paths(unsigned shards) const;
    void publish_compacted(unsigned shards);

    /// The folder holding the live index of `root` (the stub's generation, or root itself
    /// for a plain database); empty when there is none yet.
    static std::string live_index(const std::string& root);

    /// True when `dir` holds a database (a glass index, a stub, or a Newsdex lock file):
    /// a folder walk never reads such a folder's files as articles.
    static bool is_database_folder(const std::string& dir);
    /// Throws Error(Database) "not a Newsdex database" when `root` is an existing folder
    /// holding anything but a database (a folder of articles given as --db), before
    /// anything is written into it. A missing or empty folder is fine.
    static void check_database_folder(const std::string& root);

    /// The stub lines for generation folder `generation` with `shards` shards.
    static std::string stub_text(const std::string& generation, unsigned shards);
    /// The generation a stub names and its shard count (0 when the text is not a stub
    /// this indexer wrote).
    struct StubInfo {
        std::string generation;
        unsigned shards = 0;
    };
    static StubInfo parse_stub(const std::string& text);

  private:
    void set_paths(unsigned shards);

    std::string root_;
    bool rebuild_ = false;
    bool needs_publish_ = false;
    bool is_new_ = false;
    bool fresh_ = false;
    int generation_number_ = 0;
    std::vector<std::string> write_paths_;
    std::string generation_;  ///< the folder name written to the stub
    std::string previous_;  ///< generation or plain index replaced by publish()
    bool previous_is_plain_ = false;
};

}  // namespace newsdex
