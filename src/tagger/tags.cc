#include "tagger/tags.h"

#include <algorithm>

namespace storyline::tagger {
namespace {

// Whether a tag closes whatever came before it: O, L- and U- do, so the next
// tag may be O, B- or U-.
bool Closes(Tag tag) {
  return tag == kOutside || TagSet::PlaceOf(tag) == Place::kLast ||
         TagSet::PlaceOf(tag) == Place::kUnit;
}

bool Opens(Tag tag) {
  return tag == kOutside || TagSet::PlaceOf(tag) == Place::kBegin ||
         TagSet::PlaceOf(tag) == Place::kUnit;
}

bool Allowed(Tag from, Tag to) {
  if (Opens(to)) return Closes(from);
  // `to` is I-X or L-X: it continues a B-X or I-X.
  return !Closes(from) && TagSet::TypeOf(from) == TagSet::TypeOf(to);
}

}  // namespace

TagSet::TagSet(std::vector<std::string> types) : types_(std::move(types)) {
  predecessors_.resize(size());
  for (int to = 0; to < size(); ++to) {
    for (int from = 0; from < size(); ++from) {
      if (Allowed(static_cast<Tag>(from), static_cast<Tag>(to))) {
        predecessors_[to].push_back(static_cast<Tag>(from));
      }
    }
  }
}

bool TagSet::MayStart(Tag tag) const { return Opens(tag); }
bool TagSet::MayEnd(Tag tag) const { return Closes(tag); }

int TagSet::TypeIndex(const std::string& type) const {
  const auto found = std::lower_bound(types_.begin(), types_.end(), type);
  return found != types_.end() && *found == type ? static_cast<int>(found - types_.begin()) : -1;
}

std::vector<Tag> TagSet::Encode(const std::vector<EntitySpan>& spans, size_t size) const {
  std::vector<Tag> tags(size, kOutside);
  for (const EntitySpan& span : spans) {
    const int type = TypeIndex(span.type);
    if (span.end - span.begin == 1) {
      tags[span.begin] = Make(type, Place::kUnit);
      continue;
    }
    tags[span.begin] = Make(type, Place::kBegin);
    for (uint32_t i = span.begin + 1; i + 1 < span.end; ++i) tags[i] = Make(type, Place::kInside);
    tags[span.end - 1] = Make(type, Place::kLast);
  }
  return tags;
}

void TagSet::Decode(const std::vector<Tag>& tags, std::vector<EntitySpan>* spans) const {
  spans->clear();
  for (uint32_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == kOutside) continue;
    const Place place = PlaceOf(tags[i]);
    if (place == Place::kBegin || place == Place::kUnit) {
      EntitySpan& span = spans->emplace_back();
      span.begin = i;
      span.end = i + 1;
      span.type = types_[TypeOf(tags[i])];
    } else if (!spans->empty()) {
      spans->back().end = i + 1;
    }
  }
}

}  // namespace storyline::tagger
