#include "core/actor_code.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(ActorCode, SplitsCountryRolesAndOrganisation) {
  const ActorCodeParts government = SplitActorCode("CHNGOV");
  EXPECT_EQ(government.country, "CHN");
  EXPECT_EQ(government.types, std::vector<std::string>{"GOV"});
  const ActorCodeParts nato = SplitActorCode("IGOWSTNATMIL");
  EXPECT_EQ(nato.country, "");
  EXPECT_EQ(nato.known_group, "NAT");
  EXPECT_EQ(nato.types, (std::vector<std::string>{"IGO", "MIL"}));
}

TEST(ActorCode, PartyIsTheCountryOrTheOrganisationNeverARoleAlone) {
  EXPECT_EQ(ActorParty("CHNGOV"), "CHN");
  EXPECT_EQ(ActorParty("AFGREB"), "AFG");
  EXPECT_EQ(ActorParty("IGOWSTNAT"), "IGONAT");
  EXPECT_EQ(ActorParty("IGOWSTNATMIL"), "IGONAT");
  EXPECT_EQ(ActorParty("MIL"), "");
  EXPECT_EQ(ActorParty("GOVLEG"), "");
  EXPECT_EQ(ActorParty(""), "");
}

}  // namespace
}  // namespace storyline
