// actor_code.h: the parts of a CAMEO actor code ("CHNGOV", "IGOWSTNAT",
// "AFGREB"): its country, the organisation it names, its role codes. Used by
// the GDELT export (its columns) and by event coreference (which parties an
// act is between). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// The parts of an actor code GDELT has columns for.
struct ActorCodeParts {
  std::string country;             // the leading country (or CAMEO region): "CHN" of "CHNGOV"
  std::string known_group;         // an organisation's own code: "NAT" of "IGOWSTNAT"
  std::vector<std::string> types;  // up to three role codes: "IGO", "GOV", "MIL"
};

// Splits `code` into three-letter parts: a leading part that is not a role
// or organisation class is the country; the role parts are the types; in
// an organisation's code, the last part that is not a role, region or
// religion is the organisation (the known group). A country's own groups
// (AFGREB, the Taliban) have no known group code we can derive.
ActorCodeParts SplitActorCode(std::string_view code);

// The party an actor code stands for, for comparing who acts on whom: its
// country ("CHN" of "CHNGOV"), else its organisation ("IGONAT" of
// "IGOWSTNATMIL"); empty for a role alone ("GOV", "MIL").
std::string ActorParty(std::string_view code);

}  // namespace storyline
