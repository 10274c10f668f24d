// actor_code.cc: the parts of a CAMEO actor code (actor_code.h).

#include "core/actor_code.h"

#include <algorithm>
#include <iterator>

namespace storyline {
namespace {

// Three-letter CAMEO codes of roles and sectors (GDELT's Type columns),
// including the classes of international and non-state organisations.
constexpr std::string_view kTypeCodes[] = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
    "IMG", "INS", "INT", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP",
    "PKO", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SET", "SPY", "UAF", "UIS"};
// Codes that start an organisation's code (IGOWSTNAT, NGOHRIAMN, IMGMUSALQ):
// such a code has no country.
constexpr std::string_view kOrganisationClasses[] = {"IGO", "IMG", "MNC", "NGO"};
// CAMEO regions and religions, which stand between an organisation's class
// and its own code (IGO WST NAT, IMG MUS ALQ) and are not the organisation.
constexpr std::string_view kRegionAndReligionCodes[] = {
    "AFR", "ASA", "BLK", "BUD", "CAS", "CAU", "CHR", "CRB", "EAF", "EEU",
    "EUR", "HIN", "JEW", "LAM", "MDT", "MEA", "MOS", "MUS", "NAF", "NAM",
    "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST"};

template <size_t N>
bool IsOneOf(std::string_view code, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), code) != std::end(list);
}

}  // namespace

ActorCodeParts SplitActorCode(std::string_view code) {
  std::vector<std::string_view> parts;
  for (size_t i = 0; i + 3 <= code.size(); i += 3) parts.push_back(code.substr(i, 3));
  ActorCodeParts actor;
  if (parts.empty()) return actor;
  const bool organisation = IsOneOf(parts[0], kOrganisationClasses);
  if (!organisation && !IsOneOf(parts[0], kTypeCodes)) actor.country = parts[0];
  for (size_t i = actor.country.empty() ? 0 : 1; i < parts.size(); ++i) {
    if (IsOneOf(parts[i], kTypeCodes)) {
      if (actor.types.size() < 3) actor.types.emplace_back(parts[i]);
    } else if (organisation && !IsOneOf(parts[i], kRegionAndReligionCodes)) {
      actor.known_group = parts[i];
    }
  }
  return actor;
}

std::string ActorParty(std::string_view code) {
  const ActorCodeParts parts = SplitActorCode(code);
  if (!parts.country.empty()) return parts.country;
  if (!parts.known_group.empty()) return std::string(code.substr(0, 3)) + parts.known_group;
  return {};
}

}  // namespace storyline
