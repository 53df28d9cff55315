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
 *  that rename is the atomic switch, after which the old glass files are removed. */
#pragma once

#include <string>

namespace newsdex {

class DbLayout {
  public:
    /// Inspects (and for a new database, creates) the folder `root`. With rebuild, the
    /// index to write is a new, empty generation that searchers do not see until publish().
    /// Leftovers of an interrupted rebuild are removed first. The caller must hold the
    /// folder's IndexLock. Throws Error(Database) when root is not a usable folder.
    DbLayout(std::string root, bool rebuild);

    /// The folder of the glass database to open for writing.
    const std::string& write_path() const { return write_path_; }
    const std::string& root() const { return root_; }
    bool rebuilding() const { return rebuild_; }

    /// For a rebuild: points the stub at write_path() (atomically), then removes the
    /// previous index. Call after the last commit. Does nothing otherwise.
    void publish();

    /// For a new database (not a rebuild): points the stub at write_path(), so that
    /// searchers see each commit of the first run. Call once the index exists there.
    void publish_new();

    /// The folder holding the live index of `root` (the stub's generation, or root itself
    /// for a plain database); empty when there is none yet.
    static std::string live_index(const std::string& root);

  private:
    std::string root_;
    bool rebuild_ = false;
    bool needs_publish_ = false;
    bool is_new_ = false;
    std::string write_path_;
    std::string previous_;  ///< generation or plain index replaced by publish()
    bool previous_is_plain_ = false;
};

}  // namespace newsdex
