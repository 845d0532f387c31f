// Which columns identify a person (or a record) rather than describe them, by header name.
// Identifier columns are not phenotype columns: a missing value there is not a missing
// clinical observation, and their values must never reach a message.
//
// *Judgement*, assembled from HIPAA Safe Harbor's list of identifiers (45 CFR
// 164.514(b)(2): names, geography smaller than a state, contact details, SSN, record and
// account numbers, licence and device ids; ../shared/docs/domain.md, section E) and from
// the id columns of PLINK (`FID`, `IID`) and OMOP (`person_id`, `*_occurrence_id`).
// OMOP `*_concept_id` columns are coded values (a concept, not a record), so they are
// never identifiers. A header that is not recognised here counts as data: the cost of a
// miss is one extra phenotype column in the report, never a hidden value.
import { labelKey } from '../ancestry/labelKey';

/** Whole header names (labelKey: lower case, letters and digits only). */
const IDENTIFIER_KEYS = new Set([
  'id', 'ids', 'uuid', 'guid', 'key', 'rowid', 'index', 'iid', 'fid', 'pid', 'sid',
  // people and records whose bare name holds an id
  'sample', 'samples', 'samplename', 'patient', 'patients', 'subject', 'participant', 'person', 'individual', 'donor', 'specimen', 'biosample', 'encounter', 'visit',
  'barcode', 'accession', 'mrn', 'medicalrecordnumber', 'ssn', 'socialsecuritynumber', 'nhsnumber', 'nhsno', 'chinumber', 'medicare', 'medicaid', 'insurancenumber', 'healthplannumber', 'accountnumber',
  // names
  'name', 'fullname', 'firstname', 'lastname', 'givenname', 'familyname', 'middlename', 'maidenname', 'surname', 'forename', 'first', 'last', 'given', 'family', 'middle', 'maiden', 'prefix', 'suffix', 'initials', 'nickname',
  // contact details and documents
  'email', 'emailaddress', 'phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'fax', 'url', 'ip', 'ipaddress',
  'passport', 'passportnumber', 'drivers', 'driverslicense', 'driverslicence', 'licensenumber', 'licencenumber', 'vehicle', 'vin', 'deviceserial', 'serialnumber',
  // geography smaller than a state
  'address', 'address1', 'address2', 'street', 'streetaddress', 'city', 'town', 'county', 'district', 'zip', 'zipcode', 'zip5', 'zip3', 'postcode', 'postalcode',
  'lat', 'lon', 'lng', 'long', 'latitude', 'longitude', 'birthplace', 'placeofbirth', 'geolocation',
]);

/** Words a record-id column starts with: `patient_nbr`, `sample_name`, `encounter_no`. */
const RECORD_WORD = '(patient|person|subject|participant|sample|individual|member|encounter|visit|admission|record|donor|specimen|biosample|family|father|mother|paternal|maternal|case|study|provider|care)';
const RECORD_SUFFIX = '(id|ids|nbr|no|num|number|code|key|uuid|guid|barcode|name|label|accession)';
const RECORD_ID = new RegExp(`^${RECORD_WORD}${RECORD_SUFFIX}$`);

/** Splits a header into lower-case words at separators and camelCase humps: `subjectId` → subject, id. */
export function headerWords(header: string): string[] {
  return header
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export function isIdentifierColumn(header: string): boolean {
  const k = labelKey(header);
  if (k.length === 0) return false;
  if (IDENTIFIER_KEYS.has(k) || RECORD_ID.test(k)) return true;
  const words = headerWords(header);
  const last = words[words.length - 1];
  // `*_id`, `*Id`, `*_uuid`: a record's key, except OMOP's coded `*_concept_id`.
  if ((last === 'id' || last === 'ids' || last === 'uuid' || last === 'guid') && words[words.length - 2] !== 'concept') return words.length > 1;
  // `email_2`, `home_phone`, `street_address`, `zip_code`: contact and address words anywhere.
  return words.some((w) => ['email', 'phone', 'telephone', 'ssn', 'passport', 'mrn', 'address', 'zipcode', 'postcode', 'surname'].includes(w));
}
