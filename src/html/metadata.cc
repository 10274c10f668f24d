#include "html/metadata.h"

#include "html/dom.h"

namespace storyline::html {

Metadata ReadMetadata(const xmlDoc& doc, const PageContext& context) {
  (void)context;
  Metadata metadata;
  const xmlNode* root = xmlDocGetRootElement(&doc);
  for (const xmlNode* at = root; at; at = NextInWalk(at, root)) {
    if (IsElement(*at) && NameOf(*at) == "title") {
      std::string title;
      AppendText(*at, title);
      title = std::string(Trim(title));
      if (!title.empty()) metadata.fields.push_back({"title", title, "title-tag", "<title>"});
      break;
    }
  }
  return metadata;
}

}  // namespace storyline::html
