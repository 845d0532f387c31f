// The HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)(i), items A to R;
// ../shared/docs/domain.md, section E [S65,S66]) as the privacy rules recognise them: by
// header name, each confirmed by what its values look like. A header is only a claim: a
// column named `name` that holds drug names is not a name column, so every category says
// which values bear it out (see confirm.ts).
import { labelKey } from '../ancestry/labelKey';
import { headerWords } from '../phenotype/identifiers';

/** Which privacy rule reports a category. */
export type CategoryRule = 'direct' | 'date' | 'geography';

export interface Category {
  id: string;
  /** What a message calls it. */
  label: string;
  /** Safe Harbor item letter in 45 CFR 164.514(b)(2)(i). */
  item: string;
  rule: CategoryRule;
}

function category(id: string, label: string, item: string, rule: CategoryRule = 'direct'): Category {
  return { id, label, item, rule };
}

export const CATEGORIES = {
  name: category('name', 'names', 'A'),
  address: category('address', 'street address', 'B', 'geography'),
  city: category('city', 'city or place', 'B', 'geography'),
  county: category('county', 'county', 'B', 'geography'),
  zip: category('zip', 'ZIP code', 'B', 'geography'),
  postalCode: category('postal-code', 'postal code', 'B', 'geography'),
  coordinates: category('coordinates', 'latitude/longitude', 'B', 'geography'),
  date: category('date', 'date related to a person', 'C', 'date'),
  birthDate: category('birth-date', 'birth date', 'C', 'date'),
  age: category('age-over-89', 'age over 89', 'C', 'date'),
  phone: category('phone', 'telephone number', 'D'),
  fax: category('fax', 'fax number', 'E'),
  email: category('email', 'email address', 'F'),
  ssn: category('ssn', 'social security number', 'G'),
  mrn: category('medical-record-number', 'medical record number', 'H'),
  healthPlan: category('health-plan-number', 'health plan beneficiary number', 'I'),
  account: category('account-number', 'account number', 'J'),
  licence: category('licence-number', "licence or certificate number (driver's licence)", 'K'),
  passport: category('passport-number', 'passport number', 'K'),
  vehicle: category('vehicle-id', 'vehicle identifier or licence plate', 'L'),
  device: category('device-id', 'device identifier or serial number', 'M'),
  url: category('url', 'web URL', 'N'),
  ip: category('ip-address', 'IP address', 'O'),
  biometric: category('biometric', 'biometric identifier', 'P'),
  photo: category('photo', 'full-face photograph', 'Q'),
  card: category('card-number', 'payment card number', 'J'),
} as const;

export type CategoryKey = keyof typeof CATEGORIES;

/** Whole header names (labelKey), per category. *Judgement*, from Safe Harbor's wording and real headers (Synthea, OMOP, REDCap). */
const HEADER_KEYS: Partial<Record<CategoryKey, string[]>> = {
  name: ['name', 'fullname', 'firstname', 'lastname', 'givenname', 'familyname', 'middlename', 'maidenname', 'surname', 'forename', 'first', 'last', 'given', 'maiden', 'patientname', 'personname', 'mothersmaidenname', 'nickname'],
  address: ['address', 'address1', 'address2', 'addressline1', 'addressline2', 'street', 'streetaddress', 'homeaddress', 'residence'],
  city: ['city', 'town', 'birthplace', 'placeofbirth', 'cityofbirth', 'village'],
  county: ['county', 'countyname', 'countyfips', 'fips', 'parish', 'censustract', 'tract', 'blockgroup'],
  zip: ['zip', 'zipcode', 'zip5', 'zip3', 'zipcode5', 'postcode', 'postalcode', 'postcodesector', 'zcta'],
  coordinates: ['lat', 'lon', 'lng', 'long', 'latitude', 'longitude', 'geolocation', 'geocode', 'coordinates', 'latlong', 'latlon'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'cellphone', 'homephone', 'workphone'],
  fax: ['fax', 'faxnumber'],
  email: ['email', 'emailaddress', 'mail', 'eMail'.toLowerCase()],
  ssn: ['ssn', 'socialsecuritynumber', 'socialsecurity', 'socialsecurityno'],
  mrn: ['mrn', 'medicalrecordnumber', 'medicalrecord', 'medicalrecordno', 'hospitalnumber', 'nhsnumber', 'nhsno', 'chinumber', 'chartnumber'],
  healthPlan: ['healthplannumber', 'insurancenumber', 'insuranceid', 'medicaidnumber', 'medicaidid', 'medicarenumber', 'medicareid', 'beneficiaryid', 'beneficiarynumber', 'policynumber', 'membernumber', 'subscriberid'],
  account: ['accountnumber', 'account', 'accountno', 'acctno', 'bankaccount', 'iban'],
  card: ['creditcard', 'creditcardnumber', 'cardnumber'],
  licence: ['drivers', 'driverslicense', 'driverslicence', 'driverlicense', 'driverlicence', 'licensenumber', 'licencenumber', 'license', 'licence', 'certificatenumber'],
  passport: ['passport', 'passportnumber', 'passportno'],
  vehicle: ['vin', 'vehicleid', 'vehicleidentificationnumber', 'licenseplate', 'licenceplate', 'numberplate'],
  device: ['deviceid', 'deviceserial', 'deviceserialnumber', 'serialnumber', 'udi', 'imei', 'macaddress'],
  url: ['url', 'website', 'homepage', 'webpage', 'profileurl'],
  ip: ['ip', 'ipaddress', 'ipv4', 'ipv6'],
  biometric: ['fingerprint', 'voiceprint', 'retinascan', 'irisscan', 'biometric', 'biometrics', 'faceprint'],
  photo: ['photo', 'photograph', 'facephoto', 'faceimage', 'portrait', 'headshot', 'picture', 'photourl'],
};

/** Words that name a category anywhere in a header: `home_phone`, `email_2`, `street_address`. */
const HEADER_WORDS: Partial<Record<CategoryKey, string[]>> = {
  phone: ['phone', 'telephone'],
  email: ['email'],
  ssn: ['ssn'],
  mrn: ['mrn'],
  address: ['address'],
  zip: ['zipcode', 'postcode'],
  passport: ['passport'],
  fax: ['fax'],
};

const ANY_WORD = new RegExp(Object.values(HEADER_WORDS).flat().join('|'));

const BY_KEY = new Map<string, CategoryKey>();
for (const [key, names] of Object.entries(HEADER_KEYS) as [CategoryKey, string[]][]) for (const n of names) BY_KEY.set(n, key);

/** Dates that belong to a person: birth, death, admission, discharge, visit, service, ... */
const BIRTH_DATE = /^(birthdate|dateofbirth|dob|birthdatetime|birthday)$/;
const PERSON_DATE = /(birth|death|deceased|died|admi(t|ssion)|discharge|visit|encounter|service|procedure|diagnosis|onset|enrol?l?ment|consent|collection|sample|specimen|start|stop|end|date|dt|datetime|time)$/;

/** The category a header claims, if any (values must still confirm it). */
export function categoryOfHeader(header: string, k = labelKey(header)): CategoryKey | undefined {
  if (k.length === 0) return undefined;
  const whole = BY_KEY.get(k);
  if (whole) return whole;
  if (BIRTH_DATE.test(k)) return 'birthDate';
  // Splitting into words is the costly part; most headers contain none of the words.
  if (!ANY_WORD.test(k)) return undefined;
  const words = headerWords(header);
  for (const [key, list] of Object.entries(HEADER_WORDS) as [CategoryKey, string[]][]) {
    if (words.some((w) => list.includes(w))) return key;
  }
  return undefined;
}

/** True when a header names a date (values must be full dates for it to count). */
export function isDateHeader(header: string, k = labelKey(header)): boolean {
  return k.length > 0 && PERSON_DATE.test(k);
}

export function isBirthDateHeader(header: string, k = labelKey(header)): boolean {
  return BIRTH_DATE.test(k);
}
