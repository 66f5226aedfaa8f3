/** Word banks for names. Short strings on purpose: a 10,000-company portal holds millions of them. */
const words = (text: string): readonly string[] => text.trim().split(/\s+/);

export const FIRST_NAMES = words(`
  Ava Ben Chloe Daniel Elena Farid Grace Hugo Ines Jonas Kira Liam Maya Noah Olga Pablo Quinn Rosa
  Sam Tara Umar Vera Wei Yara Zoe Arjun Bianca Carlos Dana Emil Fatima Gustav Hana Ivan Julia Kofi
  Lena Marco Nina Oscar Priya Ravi Sofia Tomas Uma Viktor`);

export const LAST_NAMES = words(`
  Adams Berg Costa Dubois Eriksen Fischer Garcia Hughes Ito Jensen Kowalski Larsen Meyer Nakamura
  Okafor Patel Quintero Rossi Schmidt Tanaka Ueda Varga Weber Xu Young Zimmer Almeida Brown Chen Diaz
  Evans Fernandes Gupta Hansen Ivanova Johnson Kim Lopez Moreau Nguyen`);

export const COMPANY_WORDS = words(`
  North Blue Bright Silver Cedar Iron Swift Clear Red Green Summit Harbor Pine Stone River Oak Polar
  Sun Terra Nova Alpine Coastal Granite Maple Falcon Orbit Prairie Quartz Vector Willow Zenith Aurora
  Beacon Crest Delta Ember Fjord Glacier Horizon Juniper Keystone Lumen Meridian Nimbus Onyx Pioneer
  Redwood Sierra Tidal Vantage`);

export const COMPANY_NOUNS = words(`
  Works Labs Systems Logistics Health Foods Energy Capital Media Retail Robotics Analytics Freight
  Dental Legal Studios Software Partners Clinics Motors Builders Pharma Networks Insurance Travel
  Learning Farms Apparel Security Devices Water Hotels Metrics Cloud Supply Markets Textiles Aviation
  Payments Biotech Marine Homes Sports Print Telecom Design Chemicals Mining Audio Gaming`);

/** HubSpot's `industry` enumeration values. */
export const INDUSTRIES = words(`
  COMPUTER_SOFTWARE FINANCIAL_SERVICES HOSPITAL_HEALTH_CARE LOGISTICS_AND_SUPPLY_CHAIN RETAIL
  MARKETING_AND_ADVERTISING CONSTRUCTION EDUCATION_MANAGEMENT INSURANCE MACHINERY FOOD_BEVERAGES
  INFORMATION_TECHNOLOGY_AND_SERVICES`);

/** The buyer-side people of an account: the champion's title first, executives next. */
export const CHAMPION_TITLES = [
  'Head of Operations',
  'Director of RevOps',
  'IT Manager',
  'Head of Finance Ops',
];
export const EXEC_TITLES = ['CFO', 'COO', 'VP Operations', 'CTO', 'CEO'];
export const STAFF_TITLES = [
  'Operations Analyst',
  'Finance Manager',
  'Sales Ops Specialist',
  'Data Analyst',
  'Team Lead',
  'Project Manager',
  'Administrator',
  'Account Manager',
  'Engineer',
  'Procurement Manager',
];
/** What a champion's title becomes when they change role inside the customer. */
export const PROMOTED_TITLES = ['VP Operations', 'Chief of Staff', 'Director of Strategy', 'Head of Data'];
