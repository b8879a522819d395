//! Saving the catalog: products, suppliers, competitors.

use super::{AppState, SaveError};
use daftar_core::catalog::{self, Competitor, ProductInput, Supplier};
use daftar_core::store::Record;

impl AppState {
    pub async fn save_product(&self, existing: Option<&Record>, input: &ProductInput) -> Result<String, SaveError> {
        let product = catalog::validate_product(input).map_err(SaveError::Invalid)?;
        self.save_value(catalog::PRODUCT, existing, &product).await.map_err(SaveError::Store)
    }

    pub async fn save_supplier(&self, existing: Option<&Record>, input: &Supplier) -> Result<String, SaveError> {
        let supplier = catalog::validate_supplier(input).map_err(SaveError::Invalid)?;
        self.save_value(catalog::SUPPLIER, existing, &supplier).await.map_err(SaveError::Store)
    }

    pub async fn save_competitor(&self, existing: Option<&Record>, input: &Competitor) -> Result<String, SaveError> {
        let competitor = catalog::validate_competitor(input).map_err(SaveError::Invalid)?;
        self.save_value(catalog::COMPETITOR, existing, &competitor).await.map_err(SaveError::Store)
    }
}
