// event_validation.h: runs the event coders' validation suites (TABARI,
// PETRARCH; events/validation.h reads and scores them) through a TextCoder
// built with each suite's own dictionaries. Used by `storyline eval tabari`
// and `storyline eval petrarch`, and by quality floors in tests.
//
//   SL_ASSIGN_OR_RETURN(events::SuiteScores scores, pipeline::EvaluateTabari(dir, data));
//   double recall = scores.total.Recall();
#pragma once

#include <string>

#include "core/data_files.h"
#include "core/status.h"
#include "events/validation.h"

namespace storyline::pipeline {

// Codes every record of `suite` (its text at its date) with a TextCoder
// whose actors, agents, verbs and discards are the suite's files, and
// scores it (events::ScoreSuite; `errors` as there). Errors of
// TextCoder::Create, such as a dictionary that does not load.
Result<events::SuiteScores> EvaluateSuite(const events::ValidationSuite& suite,
                                          const DataFiles& data, std::string* errors = nullptr);

// The TABARI suite in `dir` (Validate.project), and the PETRARCH unit tests
// in `file`: errors of the readers and of EvaluateSuite.
Result<events::SuiteScores> EvaluateTabari(const std::string& dir, const DataFiles& data,
                                           std::string* errors = nullptr);
Result<events::SuiteScores> EvaluatePetrarch(const std::string& file, const DataFiles& data,
                                             std::string* errors = nullptr);

}  // namespace storyline::pipeline
