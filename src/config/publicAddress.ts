import { processWide } from '../utilities/processWide'

const address = processWide('publicBaseUrl', () => ({ url: '' }))

/** Set by the server once it knows where readers reach the public site (KAIJI_PUBLIC_URL, else its own address). */
export const setPublicBaseUrl = (url: string): void => {
  address.url = url.replace(/\/+$/, '')
}

/** The absolute base of links that leave the site (emails): never taken from a request's Host header. */
export const publicBaseUrl = (): string => address.url

const admin = processWide('adminBaseUrl', () => ({ url: '' }))

/** Set by the server: where the legal team reaches the admin (the first KAIJI_ALLOWED_ORIGINS entry, else its own address). */
export const setAdminBaseUrl = (url: string): void => {
  admin.url = url.replace(/\/+$/, '')
}

export const adminBaseUrl = (): string => admin.url
