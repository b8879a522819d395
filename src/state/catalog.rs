//! Saving the catalog: products, suppliers, competitors.

use super::{AppState, SaveError};
use crate::browser_env::BrowserEnv;
use daftar_core::catalog::{self, Competitor, ProductInput, Supplier};
use daftar_core::store::Record;

impl AppState {
    pub async fn save_product(&self, existing: Option<&Record>, input: &ProductInput) -> Result<String, SaveError> {
        Ok(self.commit_edit(catalog::save_product(existing, input, &BrowserEnv)?).await?)
    }

    pub async fn save_supplier(&self, existing: Option<&Record>, input: &Supplier) -> Result<String, SaveError> {
        Ok(self.commit_edit(catalog::save_supplier(existing, input, &BrowserEnv)?).await?)
    }

    pub async fn save_competitor(&self, existing: Option<&Record>, input: &Competitor) -> Result<String, SaveError> {
        Ok(self.commit_edit(catalog::save_competitor(existing, input, &BrowserEnv)?).await?)
    }
}
