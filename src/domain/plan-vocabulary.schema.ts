import { z } from 'zod';

/** The template's fixed lists: its building blocks, its delivery quarters, the statutory signatories. */

export const BUILDING_BLOCKS = [
  { id: 'inclusion-in-settings', name: 'Strengthening inclusion across education settings' },
  { id: 'specialist-support', name: 'Access to specialist support and local placements' },
  { id: 'leadership-and-co-production', name: 'System leadership, local partnership collaboration and co-production' },
  { id: 'inclusive-culture', name: 'Encouraging inclusive culture and behaviours' },
] as const;
export const BuildingBlockId = z.enum(['inclusion-in-settings', 'specialist-support', 'leadership-and-co-production', 'inclusive-culture']);
export type BuildingBlockId = z.infer<typeof BuildingBlockId>;

export const DELIVERY_QUARTERS = ['Q2', 'Q3', 'Q4'] as const;
export const DeliveryQuarter = z.enum(DELIVERY_QUARTERS);
export type DeliveryQuarter = z.infer<typeof DeliveryQuarter>;

export const REQUIRED_SIGNATORY_ROLES = [
  { id: 'la-chief-executive', title: 'Local Authority Chief Executive (CEO)' },
  { id: 'icb-chief-executive', title: 'Integrated Care Board (ICB) Chief Executive' },
  { id: 'director-of-childrens-services', title: "Local Authority Director of Children's Service (DCS)" },
  { id: 'icb-place-director', title: 'Integrated Care Board NHS Place Director' },
  { id: 'la-chief-finance-officer', title: 'Local Authority Chief Financial Officer (CFO/Section 151 Officer)' },
] as const;
export const SignatoryRole = z.enum([
  'la-chief-executive',
  'icb-chief-executive',
  'director-of-childrens-services',
  'icb-place-director',
  'la-chief-finance-officer',
  'co-signer',
]);
export type SignatoryRole = z.infer<typeof SignatoryRole>;

/** A signatory role as the template titles it; any other (a co-signer) is "Co-signer". */
export const roleTitle = (role: string): string => REQUIRED_SIGNATORY_ROLES.find((r) => r.id === role)?.title ?? 'Co-signer';
