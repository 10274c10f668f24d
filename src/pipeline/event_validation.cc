#include "pipeline/event_validation.h"

#include <utility>

#include "pipeline/text_coder.h"

namespace storyline::pipeline {

Result<events::SuiteScores> EvaluateSuite(const events::ValidationSuite& suite,
                                          const DataFiles& data, std::string* errors) {
  TextCoderOptions options;
  options.facts.actors.actor_files = suite.actor_files;
  options.facts.actors.agent_files = suite.agent_files;
  options.facts.events.verb_files = suite.verb_files;
  options.facts.events.discard_files = suite.discard_files;
  SL_ASSIGN_OR_RETURN(const TextCoder coder, TextCoder::Create(options, data));
  TextCoder::Workspace workspace = coder.NewWorkspace();
  const auto code = [&](const events::ValidationRecord& record) {
    return coder.Code(record.id, record.date, record.text, workspace).events;
  };
  return events::ScoreSuite(suite, code, errors);
}

Result<events::SuiteScores> EvaluateTabari(const std::string& dir, const DataFiles& data,
                                           std::string* errors) {
  SL_ASSIGN_OR_RETURN(const events::ValidationSuite suite, events::ReadTabariSuite(dir));
  return EvaluateSuite(suite, data, errors);
}

Result<events::SuiteScores> EvaluatePetrarch(const std::string& file, const DataFiles& data,
                                             std::string* errors) {
  SL_ASSIGN_OR_RETURN(const events::ValidationSuite suite, events::ReadPetrarchSuite(file));
  return EvaluateSuite(suite, data, errors);
}

}  // namespace storyline::pipeline
