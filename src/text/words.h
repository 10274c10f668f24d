// words.h: the word tokenizer behind Segmenter::Words(). Internal to the
// text module; text/text.h documents the contract.
#pragma once

#include <string_view>
#include <vector>

#include "core/article.h"
#include "text/abbreviations.h"
#include "text/text.h"

namespace storyline::text {

std::vector<Token> SplitWords(std::string_view text, ByteSpan range,
                              const Abbreviations& abbreviations);

}  // namespace storyline::text
