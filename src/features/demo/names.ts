// Fictional names for the demo region. Any likeness to a real person is chance.
export const GIVEN_NAMES = [
  'Amina', 'Yusuf', 'Fatima', 'Omar', 'Layla', 'Hassan', 'Mariam', 'Ali', 'Noor', 'Samir', 'Olena', 'Dmytro', 'Iryna', 'Oleksandr',
  'Tesfay', 'Senait', 'Abel', 'Helen', 'Rahel', 'Yonas', 'Aziz', 'Zahra', 'Reza', 'Shirin', 'Ana', 'Maria', 'Jorge', 'Lucía',
  'Priya', 'Arjun', 'Mei', 'Wei', 'Kemal', 'Elif', 'Burak', 'Ayşe', 'Nadia', 'Karim', 'Sofia', 'Tomasz', 'Agnieszka', 'Ivan',
];
export const FAMILY_NAMES = [
  'Haddad', 'Rahimi', 'Kovalenko', 'Shevchenko', 'Tesfamariam', 'Gebremedhin', 'Hosseini', 'Karimi', 'El Idrissi', 'Benali',
  'Nowak', 'Kowalski', 'García', 'Fernández', 'Sharma', 'Patel', 'Chen', 'Wang', 'Yıldız', 'Demir', 'Abdi', 'Mohamed',
  'Osman', 'Al-Sayed', 'Petrenko', 'Bondarenko', 'Tekle', 'Haile', 'Ahmadi', 'Sultani', 'Popescu', 'Ionescu',
];
export const COUNTRIES = ['Syrië', 'Eritrea', 'Oekraïne', 'Afghanistan', 'Turkije', 'Iran', 'Irak', 'Somalië', 'Jemen', 'Ethiopië', 'Marokko', 'India'];
