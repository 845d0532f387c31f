import { lines, ruleTester } from './harness';

const data = lines('id,race,ethnicity,sex', '1,Asian,Not Hispanic or Latino,Female', '2,White,Not Hispanic or Latino,Male', '3,White,Not Hispanic or Latino,Male');
const plan = (asianWomen: number) => lines('inclusion:', '  planned:', '    Asian:', `      Not Hispanic or Latino: { Female: ${asianWomen} }`);

ruleTester('inclusion-enrollment-short', {
  valid: [
    { name: 'no plan declared: the table is only in the report', text: data },
    { name: 'the plan is met', text: data, policy: plan(1) },
  ],
  invalid: [
    {
      name: 'a planned cell short of plan: one finding with planned and actual',
      text: data,
      policy: plan(5),
      findings: [{ messageId: 'short', range: [0, 3, 0, 7], data: { race: 'Asian', ethnicity: 'Not Hispanic or Latino', sex: 'Female', planned: 5, actual: 1, combined: false } }],
    },
  ],
});
