// The help-seeking comparison the campaign report shows beside reach. Filled in from the outcomes
// figures (lib/outcomes) once they are imported; none yet means the report leaves the section out.
import type { OutcomesForReport } from './campaign-report';

export const outcomesForReport: OutcomesForReport = async () => null;
