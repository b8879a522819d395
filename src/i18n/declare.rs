/// Declares one area's texts: each entry names the text once and gives it in
/// English, then Persian. Plain texts are `name: "en", "fa";`. Texts that carry
/// values go in a `values` block as typed functions,
/// `name(n: i64): english_expr, persian_expr;`, called as `t.area.name(n)`.
macro_rules! texts {
    ($(#[$sdoc:meta])* $name:ident {
        $( $(#[$doc:meta])* $field:ident: $en:expr, $fa:expr; )*
    } $(values {
        $( $(#[$fdoc:meta])* $fun:ident($($arg:ident: $ty:ty),*): $fen:expr, $ffa:expr; )*
    })?) => {
        $(#[$sdoc])*
        pub struct $name {
            $( $(#[$doc])* pub $field: &'static str, )*
            $($( $fun: fn($($ty),*) -> String, )*)?
        }

        impl $name {
            pub const EN: $name = $name { $( $field: $en, )* $($( $fun: |$($arg),*| $fen, )*)? };
            pub const FA: $name = $name { $( $field: $fa, )* $($( $fun: |$($arg),*| $ffa, )*)? };
            $($(
                $(#[$fdoc])*
                pub fn $fun(&self, $($arg: $ty),*) -> String {
                    (self.$fun)($($arg),*)
                }
            )*)?
        }
    };
}
